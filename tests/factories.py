"""Small factories with sensible defaults for tests that build their own records."""

import itertools

from mechanisms.models import SDG, Country, Organisation, Person, Record, Source

_numbers = itertools.count(1)


def unique(prefix):
    return f"{prefix}-{next(_numbers)}"


def make_source(**fields):
    slug = unique("source")
    defaults = {"slug": slug, "title": f"Source {slug}", "seed_file": f"{slug}.txt"}
    return Source.objects.create(**defaults | fields)


def make_record(model=Record, **fields):
    slug = unique("record")
    defaults = {"slug": slug, "publication": "published"}
    if "title" not in fields and "title_en" not in fields:
        defaults["title"] = f"Record {slug}"
    if "source" not in fields:
        defaults["source"] = make_source()
    if model is Record and "kind" not in fields:
        defaults["kind"] = "mechanism"
    return model.objects.create(**defaults | fields)


def make_country(**fields):
    return Country.objects.create(**{"iso_code": "ZZ", "name": "Testland"} | fields)


def make_sdg(**fields):
    return SDG.objects.create(**{"number": 1, "title": "No Poverty", "colour": "#E5243B"} | fields)


def make_organisation(**fields):
    slug = unique("organisation")
    return Organisation.objects.create(**{"slug": slug, "name": f"Organisation {slug}"} | fields)


def make_person(**fields):
    slug = unique("person")
    defaults = {"slug": slug, "name": f"Person {slug}"}
    if "source" not in fields:
        defaults["source"] = make_source()
    return Person.objects.create(**defaults | fields)
