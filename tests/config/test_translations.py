"""The Arabic interface catalogue: every string of the code and templates translated, in
six plural forms where it counts, and the committed compiled catalogue current."""

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

CATALOGUE = settings.BASE_DIR / "locale" / "ar" / "LC_MESSAGES"
SOURCE_DIRECTORIES = ("config", "directory", "mechanisms", "network")
# gettext's keywords as Django's makemessages passes them to xgettext.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module")
def catalogue():
    with (CATALOGUE / "django.po").open("rb") as po:
        return read_po(po, locale="ar")


def message_key(message_id, context):
    if isinstance(context, bytes):  # read_mo leaves contexts undecoded
        context = context.decode("utf-8")
    singular = message_id[0] if isinstance(message_id, tuple | list) else message_id
    return (singular, context)


def strings_in_the_code():
    """(msgid, context) of every translatable string, found as makemessages finds them."""
    found = {}
    python_files = [
        path
        for directory in SOURCE_DIRECTORIES
        for path in (settings.BASE_DIR / directory).rglob("*.py")
        if "migrations" not in path.parts
    ]
    templates = sorted((settings.BASE_DIR / "templates").rglob("*.html"))
    for path in python_files + templates:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            source = templatize(source, origin=str(path))
        for _line, _function, message, _comments in extract_python(
            io.BytesIO(source.encode("utf-8")), KEYWORDS, [], {}
        ):
            messages = message if isinstance(message, tuple) else (message,)
            context = None
            if _function.startswith(("pgettext", "npgettext")):
                context, messages = messages[0], messages[1:]
            if messages and messages[0]:
                found[(messages[0], context)] = path.relative_to(settings.BASE_DIR)
    return found


def test_every_string_of_the_interface_has_its_arabic(catalogue):
    translated = {
        message_key(message.id, message.context)
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }
    in_the_code = strings_in_the_code()
    assert len(in_the_code) > 400  # the extraction itself works
    missing = {
        f"{path}: {msgid!r}"
        for (msgid, context), path in in_the_code.items()
        if (msgid, context) not in translated
    }
    assert not missing, "Strings without Arabic (run makemessages -l ar):\n" + "\n".join(
        sorted(missing)
    )


def test_every_entry_is_translated_whole_with_its_placeholders(catalogue):
    assert catalogue.num_plurals == 6
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        forms = message.string if message.pluralizable else (message.string,)
        if len(forms) != (6 if message.pluralizable else 1) or not all(forms):
            problems.append(f"untranslated form: {message.id!r}")
        ids = message.id if message.pluralizable else (message.id,)
        expected = set(PLACEHOLDER.findall(" ".join(ids)))
        for form in forms:
            unknown = set(PLACEHOLDER.findall(form or "")) - expected
            if unknown:
                problems.append(f"{message.id!r}: unknown placeholders {sorted(unknown)}")
        if not message.pluralizable and set(PLACEHOLDER.findall(message.string)) != expected:
            problems.append(f"{message.id!r}: placeholders differ")
    assert not problems, "\n".join(problems)


def as_tuple(string):
    return tuple(string) if isinstance(string, tuple | list) else string


def test_the_compiled_catalogue_is_current(catalogue):
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = read_mo(mo)
    as_written = {
        message_key(message.id, message.context): as_tuple(message.string)
        for message in catalogue
        if message.id
    }
    as_compiled = {
        message_key(message.id, message.context): as_tuple(message.string)
        for message in compiled
        if message.id
    }
    assert as_compiled == as_written, "Recompile: msgfmt -o django.mo django.po"


def test_the_catalogue_is_in_the_repository():
    assert Path(CATALOGUE / "django.po").is_file()
    assert Path(CATALOGUE / "django.mo").is_file()
