"""What an import refuses: anything but the directory's own data, and malformed files,
each with the file, the object and the field named, and nothing written."""

import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from mechanisms.models import Activity, Record, Source

pytestmark = pytest.mark.django_db


def source_key():
    return [Source.objects.order_by("slug").values_list("slug", flat=True).first()]


def activity(**fields):
    return {
        "model": "mechanisms.activity",
        "fields": {
            "kind": "activity",
            "slug": "imported-activity",
            "title_en": "Imported",
            "source": source_key(),
            **fields,
        },
    }


def refused(tmp_path, content, name="import.json"):
    """Import `content` (text or JSON data); return the error message."""
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    counts = (Record.objects.count(), User.objects.count(), Group.objects.count())
    with pytest.raises(CommandError) as error:
        call_command("import_fixtures", str(path), "--update")
    assert (Record.objects.count(), User.objects.count(), Group.objects.count()) == counts
    assert str(path) in str(error.value)
    return str(error.value)


@pytest.mark.parametrize(
    "obj",
    [
        {"model": "auth.user", "fields": {"username": "eve", "is_superuser": True}},
        {"model": "auth.group", "fields": {"name": "Editor", "permissions": []}},
        {"model": "sessions.session", "fields": {"session_data": "x", "expire_date": "2030"}},
        {"model": "mechanisms.historicalrecord", "fields": {"slug": "forged"}},
        {"model": "mechanisms.dataversion", "fields": {"number": 1}},
    ],
    ids=["superuser", "group", "session", "history", "cache-version"],
)
def test_only_the_directorys_data_can_be_imported(tmp_path, obj):
    message = refused(tmp_path, [obj])
    assert f"only the directory's data can be imported, not {obj['model']}" in message
    assert not User.objects.filter(username="eve").exists()


def test_a_nul_character_is_refused(tmp_path):
    text = json.dumps([activity(title_en="Bad\u0000title")]).replace("\\u0000", "\x00")
    assert "a NUL character at line 1" in refused(tmp_path, text)


def test_json_nested_too_deeply_is_refused(tmp_path):
    assert "nested too deeply" in refused(tmp_path, "[" * 100_000 + "]" * 100_000)


def test_a_key_given_twice_in_one_object_is_refused(tmp_path):
    text = '[{"model": "mechanisms.activity", "fields": {"slug": "a", "slug": "b"}}]'
    assert "the key “slug” twice in one object" in refused(tmp_path, text)


def test_a_directory_given_as_the_file_is_refused(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("import_fixtures", str(tmp_path))
    assert f"{tmp_path}: a directory, not a fixture file" in str(error.value)


def test_a_record_that_is_its_own_parent_is_refused(tmp_path):
    message = refused(tmp_path, [activity(parent=["imported-activity"])])
    assert "field “parent”: a record cannot be part of itself" in message


def test_a_fractional_year_is_refused(tmp_path):
    message = refused(tmp_path, [activity(year=2020.7)])
    assert "field “year”: expected a whole number, not 2020.7" in message


def test_a_string_where_a_list_of_references_belongs_is_refused(tmp_path):
    message = refused(tmp_path, [activity(countries="EG")])
    assert "field “countries”: expected a list of references" in message


def test_a_whole_year_written_as_a_float_is_accepted(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps([activity(year=2020.0)]))
    call_command("import_fixtures", str(path))
    assert Activity.objects.get(slug="imported-activity").year == 2020


def test_an_error_quotes_an_excerpt_of_a_long_value(tmp_path):
    message = refused(tmp_path, [activity(countries=["X" * 100_000])])
    assert "XXXXXXXXXX… (100,0" in message
    assert len(message) < 1000


def test_a_text_past_the_limit_is_refused_with_its_length(tmp_path):
    message = refused(tmp_path, [activity(summary_en="word " * 10_000_000)])
    assert "field “summary_en”: 50,000,000 characters, past the 20,000 a text may hold" in message
    assert len(message) < 1000


def test_a_text_at_the_limit_is_accepted(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps([activity(summary_en="x" * 20_000)]))
    call_command("import_fixtures", str(path))
    assert len(Activity.objects.get(slug="imported-activity").summary_en) == 20_000


def test_an_empty_list_imports_nothing_and_fails(tmp_path):
    message = refused(tmp_path, [])
    assert message.startswith("Nothing was imported: ")
    assert message.endswith("import.json holds no object. Give --allow-empty to accept that.")
    assert "--allow-empty" in message


def test_an_empty_list_is_accepted_when_allowed(tmp_path, capsys):
    path = tmp_path / "empty.json"
    path.write_text("[]")
    call_command("import_fixtures", str(path), "--allow-empty")
    assert "empty.json holds no object" in capsys.readouterr().out


def test_many_errors_show_the_first_fifty_and_a_count(tmp_path):
    broken = [activity(slug=f"broken-{number}", year="soon") for number in range(1, 1001)]
    message = refused(tmp_path, broken)
    lines = message.splitlines()
    assert lines[0] == "Nothing was imported: 1,000 problems found."
    assert len(lines) == 1 + 50 + 1
    assert "object 1 " in lines[1] and "object 50 " in lines[50]
    assert lines[-1] == "… and 950 more, not shown."
