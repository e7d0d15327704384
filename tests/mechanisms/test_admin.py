"""The editors' admin: roles, draft and publish, history with revert, review dates, rules."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mechanisms.models import SDG, Mechanism, Record, Section
from mechanisms.roles import EDITOR, PUBLISHER
from tests.admin_forms import submit
from tests.factories import make_record

pytestmark = pytest.mark.django_db

IOM_MECHANISM = "iom-ro-mena-coordination-mechanism"


def account(role, username=None):
    user = User.objects.create_user(username or role.lower(), password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(client):
    client.force_login(account(EDITOR))
    return client


@pytest.fixture
def publisher(client):
    client.force_login(account(PUBLISHER))
    return client


def change_url(record):
    return reverse("admin:mechanisms_mechanism_change", args=[record.pk])


@pytest.fixture
def mechanism():
    return Mechanism.objects.get(slug=IOM_MECHANISM)


# Who may do what


@pytest.mark.parametrize("url", ["/admin/", "/admin/mechanisms/mechanism/"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_login_page_has_a_heading(client):
    response = client.get(reverse("admin:login"))
    assert "<h1>Log in</h1>" in response.text


ADMIN_LISTS = [
    "mechanisms/mechanism",
    "mechanisms/activity",
    "mechanisms/areaofwork",
    "mechanisms/record",
    "mechanisms/source",
    "mechanisms/country",
    "mechanisms/sdg",
    "mechanisms/theme",
    "mechanisms/type",
    "mechanisms/framework",
    "mechanisms/organisation",
    "mechanisms/person",
    "network/network",
    "network/nationalnetwork",
    "network/workinggroup",
    "network/substructure",
    "network/output",
]


@pytest.mark.parametrize("model", ADMIN_LISTS)
def test_an_editor_reaches_every_directory_list(editor, model):
    assert editor.get(f"/admin/{model}/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]
)
def test_an_editor_cannot_reach_users_or_groups(editor, url):
    assert editor.get(url).status_code == 403


def test_an_editors_new_record_is_a_draft_and_the_state_is_read_only(editor, mechanism):
    page = editor.get(reverse("admin:mechanisms_mechanism_add"))
    assert 'name="publication"' not in page.content.decode()
    response = submit(
        editor,
        reverse("admin:mechanisms_mechanism_add"),
        "mechanism_form",
        title_en="A new coordination mechanism",
        slug="a-new-coordination-mechanism",
        source=str(mechanism.source_id),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = Mechanism.objects.get(slug="a-new-coordination-mechanism")
    assert created.publication == Record.Publication.DRAFT


def test_an_editor_cannot_publish_or_delete(editor, mechanism):
    changelist = editor.get(reverse("admin:mechanisms_mechanism_changelist")).content.decode()
    assert "Mark as reviewed today" in changelist
    assert 'value="publish"' not in changelist
    assert 'value="delete_selected"' not in changelist
    delete = editor.get(reverse("admin:mechanisms_mechanism_delete", args=[mechanism.pk]))
    assert delete.status_code == 403


def test_a_publisher_publishes_archives_and_returns_to_draft(publisher):
    ids = list(Mechanism.objects.values_list("pk", flat=True))
    url = reverse("admin:mechanisms_mechanism_changelist")
    for action, state in [
        ("archive", "archived"),
        ("return_to_draft", "draft"),
        ("publish", "published"),
    ]:
        response = publisher.post(url, {"action": action, "_selected_action": ids}, follow=True)
        assert f"{len(ids)} records changed." in response.content.decode()
        assert set(Mechanism.objects.values_list("publication", flat=True)) == {state}


def test_create_account_makes_a_staff_member_in_a_role(capsys):
    call_command("create_account", "amina", "--role", "publisher", "--email", "a@example.org")
    user = User.objects.get(username="amina")
    assert user.is_staff and not user.is_superuser
    assert [group.name for group in user.groups.all()] == [PUBLISHER]
    output = capsys.readouterr().out
    assert "Created amina (Publisher)." in output
    password = output.split("Password (shown once): ")[1].strip()
    assert user.check_password(password)
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_account", "amina", "--role", "editor")


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("123", "too short"),
        ("password123", "too common"),
        ("48151623429108", "entirely numeric"),
        ("amina123", "too similar to the username"),
    ],
)
def test_create_account_refuses_a_weak_password(password, reason):
    with pytest.raises(CommandError, match=f"The password is refused: .*{reason}"):
        call_command("create_account", "amina", "--role", "editor", "--password", password)
    assert not User.objects.filter(username="amina").exists()


def test_create_account_takes_a_good_password():
    call_command(
        "create_account", "amina", "--role", "editor", "--password", "tidal-orchard-velvet-91"
    )
    assert User.objects.get(username="amina").check_password("tidal-orchard-velvet-91")


def test_the_roles_cover_every_directory_model():
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    publisher = set(
        Group.objects.get(name=PUBLISHER).permissions.values_list("codename", flat=True)
    )
    for model in ["mechanism", "nationalnetwork", "section", "involvement", "person", "sdg"]:
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= editor
        assert f"delete_{model}" not in editor
        assert f"delete_{model}" in publisher
    assert "publish_record" in publisher - editor
    assert not any(name.endswith(("_user", "_group", "_permission")) for name in publisher)


# An editor's change, on the public page and in the history, reverted


def test_an_edit_shows_on_the_public_page_in_the_history_and_can_be_reverted(
    editor, client, mechanism
):
    original = mechanism.title
    response = submit(editor, change_url(mechanism), "mechanism_form", title_en="Renamed mechanism")
    assert response.status_code == 302
    public = client.get(mechanism.get_absolute_url())
    assert "Renamed mechanism" in public.content.decode()

    history = editor.get(reverse("admin:mechanisms_mechanism_history", args=[mechanism.pk]))
    page = history.content.decode()
    assert "Renamed mechanism" in page
    assert "editor" in page
    before = mechanism.history.filter(title_en=original).latest("history_date")
    revert_url = reverse(
        "admin:mechanisms_mechanism_simple_history", args=[mechanism.pk, before.history_id]
    )
    response = submit(editor, revert_url, "historicalrecord_form")
    assert response.status_code == 302
    mechanism.refresh_from_db()
    assert mechanism.title == original


def test_a_deleted_record_is_restored_with_its_parts_as_a_draft(publisher, mechanism):
    sections = list(mechanism.sections.values_list("heading_en", flat=True))
    countries = list(mechanism.countries.values_list("iso_code", flat=True))
    response = publisher.post(
        reverse("admin:mechanisms_mechanism_delete", args=[mechanism.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Record.objects.filter(slug=IOM_MECHANISM).exists()

    deleted_url = reverse("admin:mechanisms_mechanism_deleted")
    listing = publisher.get(deleted_url).content.decode()
    assert mechanism.title in listing
    version = Record.history.filter(slug=IOM_MECHANISM, history_type="-").latest("history_date")
    response = publisher.post(deleted_url, {"history_id": version.history_id}, follow=True)
    assert "was restored as a draft" in response.content.decode()
    restored = Mechanism.objects.get(slug=IOM_MECHANISM)
    assert restored.publication == Record.Publication.DRAFT
    assert list(restored.sections.values_list("heading_en", flat=True)) == sections
    assert list(restored.countries.values_list("iso_code", flat=True)) == countries


def test_an_import_is_recorded_in_the_history(mechanism):
    assert mechanism.history.exists()
    assert "Imported from" in mechanism.history.earliest("history_date").history_change_reason


# Review dates


def test_mark_as_reviewed_confirms_today(editor, mechanism):
    editor.post(
        reverse("admin:mechanisms_mechanism_changelist"),
        {"action": "mark_reviewed", "_selected_action": [mechanism.pk]},
    )
    mechanism.refresh_from_db()
    assert mechanism.last_reviewed == timezone.localdate()


def test_the_review_filter_lists_records_not_reviewed_for_a_year(editor):
    today = timezone.localdate()
    stale, fresh = Mechanism.objects.order_by("slug")[:2]
    Record.objects.filter(pk=stale.pk).update(last_reviewed=today - dt.timedelta(days=400))
    Record.objects.filter(pk=fresh.pk).update(last_reviewed=today - dt.timedelta(days=30))
    due = editor.get(reverse("admin:mechanisms_mechanism_changelist") + "?review=due")
    titles = [row.title for row in due.context["cl"].result_list]
    assert stale.title in titles
    assert fresh.title not in titles


# Validation rules, each with its message


def test_an_sdg_number_outside_1_to_17_is_refused(publisher):
    sdg = SDG.objects.get(number=5)
    response = submit(
        publisher, reverse("admin:mechanisms_sdg_change", args=[sdg.pk]), "sdg_form", number="18"
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 17." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "call the office", "Enter an international number"),
        ("email", "mathieu at iom", "Enter a valid email address."),
    ],
)
def test_contact_formats_are_checked(publisher, field, value, message):
    person = Record.objects.get(slug=IOM_MECHANISM).contacts.get().person
    response = submit(
        publisher,
        reverse("admin:mechanisms_person_change", args=[person.pk]),
        "person_form",
        **{field: value},
    )
    assert message in response.content.decode()


def test_a_website_must_be_a_url(publisher):
    from mechanisms.models import Organisation

    organisation = Organisation.objects.get(slug="iom")
    response = submit(
        publisher,
        reverse("admin:mechanisms_organisation_change", args=[organisation.pk]),
        "organisation_form",
        url="not a web address",
    )
    assert "Enter a valid URL." in response.content.decode()


def test_dates_must_be_in_order(publisher):
    activity = Record.objects.filter(kind="activity", start_date__isnull=False).first()
    response = submit(
        publisher,
        reverse("admin:mechanisms_activity_change", args=[activity.pk]),
        "activity_form",
        start_date="2013-06-05",
        end_date="2013-06-04",
    )
    assert "The end date is before the start date." in response.content.decode()


def test_slugs_must_be_unique(publisher, mechanism):
    other = Mechanism.objects.exclude(pk=mechanism.pk).first()
    response = submit(publisher, change_url(other), "mechanism_form", slug=mechanism.slug)
    assert "Record with this Slug already exists." in response.content.decode()


def test_a_section_needs_its_text(publisher, mechanism):
    section = mechanism.sections.first()
    prefix = "sections"
    response = submit(
        publisher, change_url(mechanism), "mechanism_form", **{f"{prefix}-0-body_en": ""}
    )
    assert "This field is required." in response.content.decode()
    assert Section.objects.get(pk=section.pk).body


# Drafts and review dates on the public pages


def test_drafts_are_hidden_from_the_public_and_previewed_by_staff(editor, mechanism):
    Record.objects.filter(pk=mechanism.pk).update(publication=Record.Publication.DRAFT)
    url = mechanism.get_absolute_url()
    visitor = Client()
    assert visitor.get(url).status_code == 404
    listing = visitor.get(reverse("mechanisms:mechanism-list")).content.decode()
    assert mechanism.title not in listing
    preview = editor.get(url)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Draft: not public." in page
    assert mechanism.title in page


def test_archived_records_are_hidden_too(client, mechanism):
    Record.objects.filter(pk=mechanism.pk).update(publication=Record.Publication.ARCHIVED)
    assert client.get(mechanism.get_absolute_url()).status_code == 404


def test_the_public_page_says_when_a_record_was_last_reviewed(client, mechanism):
    assert (
        "Not yet reviewed by an editor."
        in client.get(mechanism.get_absolute_url()).content.decode()
    )
    Record.objects.filter(pk=mechanism.pk).update(last_reviewed=dt.date(2026, 3, 14))
    page = client.get(mechanism.get_absolute_url()).content.decode()
    assert "Last reviewed by an editor:" in page
    assert "14 March 2026" in page


# What the review found: each pinned


@pytest.mark.parametrize(
    "model",
    [
        "mechanisms/mechanism",
        "mechanisms/activity",
        "mechanisms/areaofwork",
        "mechanisms/record",
        "network/network",
        "network/nationalnetwork",
        "network/workinggroup",
        "network/substructure",
        "network/output",
    ],
)
def test_actions_work_on_every_kind(publisher, model):
    app, name = model.split("/")
    url = reverse(f"admin:{app}_{name}_changelist")
    ids = [row.pk for row in publisher.get(url).context["cl"].result_list]
    response = publisher.post(url, {"action": "archive", "_selected_action": ids}, follow=True)
    assert f"{len(ids)} record{'s' if len(ids) != 1 else ''} changed." in response.text
    assert set(Record.objects.filter(pk__in=ids).values_list("publication", flat=True)) == {
        "archived"
    }


def test_a_result_added_inline_is_a_draft_of_the_same_source(editor, mechanism):
    response = submit(
        editor,
        change_url(mechanism),
        "mechanism_form",
        **{
            "children-TOTAL_FORMS": str(int(mechanism.children.count()) + 1),
            f"children-{mechanism.children.count()}-title_en": "A new result",
            f"children-{mechanism.children.count()}-slug": "a-new-result",
            f"children-{mechanism.children.count()}-position": "11",
            f"children-{mechanism.children.count()}-activity_type": "result",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    result = Record.objects.get(slug="a-new-result")
    assert (result.parent, result.source, result.publication) == (
        Record.objects.get(pk=mechanism.pk),
        mechanism.source,
        Record.Publication.DRAFT,
    )


def test_an_editor_cannot_publish_by_reverting_to_a_published_version(editor, mechanism):
    published = mechanism.history.latest("history_date")
    Record.objects.filter(pk=mechanism.pk).update(publication=Record.Publication.DRAFT)
    revert_url = reverse(
        "admin:mechanisms_mechanism_simple_history", args=[mechanism.pk, published.history_id]
    )
    assert submit(editor, revert_url, "historicalrecord_form").status_code == 302
    mechanism.refresh_from_db()
    assert mechanism.publication == Record.Publication.DRAFT


@pytest.mark.parametrize("data", [{}, {"history_id": "x"}, {"history_id": "999999"}])
def test_restoring_something_that_is_not_deleted_says_so(publisher, data):
    url = reverse("admin:mechanisms_mechanism_deleted")
    response = publisher.post(url, data, follow=True)
    assert response.status_code == 200
    assert "That record is not among the deleted ones." in response.text


def test_a_record_whose_slug_was_taken_meanwhile_is_not_restored_over_it(publisher):
    result = Record.objects.get(slug="iom-ro-mena-result-3")
    publisher.post(reverse("admin:mechanisms_activity_delete", args=[result.pk]), {"post": "yes"})
    make_record(slug="iom-ro-mena-result-3", title="A newcomer")
    version = Record.history.filter(slug="iom-ro-mena-result-3", history_type="-").latest(
        "history_date"
    )
    response = publisher.post(
        reverse("admin:mechanisms_activity_deleted"),
        {"history_id": version.history_id},
        follow=True,
    )
    assert "Another record now has the slug “iom-ro-mena-result-3”" in response.text
    assert Record.objects.get(slug="iom-ro-mena-result-3").title == "A newcomer"


@pytest.mark.parametrize(
    "name",
    [
        "admin:mechanisms_mechanism_add",
        "admin:mechanisms_activity_add",
        "admin:mechanisms_person_add",
        "admin:mechanisms_organisation_add",
        "admin:network_network_add",
    ],
)
def test_a_bad_id_in_the_add_forms_address_opens_an_empty_field(admin_client, name):
    response = admin_client.get(reverse(name), {"source": "abc", "parent": "1.5", "country": "x"})
    assert response.status_code == 200
    assert 'value="abc"' not in response.text
