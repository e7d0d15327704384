"""The pages a benchmark run measures, chosen from the data so that each has results.

    DJANGO_SETTINGS_MODULE=benchmarks.settings python -m benchmarks.pages [--prefix /en]

prints them as JSON: a list of {"name", "path"}. `benchmarks/run.py` calls it once the
synthetic directory is loaded, so the URLs stay valid whatever the seed and size.
"""

import argparse
import json
import math
import re

FLOOR_PATH = "/__floor__/"
PREFERRED_COUNTRY, PREFERRED_SDG = "EG", 16
COMMON_WORDS = ["migration", "migrants", "regional"]
READ_CHUNK = 2000


def pick_pages(prefix=""):
    from mechanisms.models import SDG, Country, Record
    from mechanisms.synthetic import SYNTHETIC_PREFIX
    from mechanisms.synthetic.vocabulary import RARE_WORDS
    from mechanisms.views import DEFAULT_PAGE_SIZE

    published = Record.objects.published()
    on_activities = {"records__kind": "activity", "records__publication": "published"}
    country = Country.objects.filter(
        iso_code=PREFERRED_COUNTRY, **on_activities
    ).first() or most_common(Country.objects.filter(**on_activities), "iso_code")
    on_country = on_activities | {"records__countries": country}
    sdg = SDG.objects.filter(number=PREFERRED_SDG, **on_country).first() or most_common(
        SDG.objects.filter(**on_country), "number"
    )
    last_page = max(1, math.ceil(published.count() / DEFAULT_PAGE_SIZE))
    common = max(COMMON_WORDS, key=lambda word: published.search(word).count())
    rare = selective_word(published, RARE_WORDS)
    detail = (
        published.filter(kind="mechanism", slug__startswith=SYNTHETIC_PREFIX)
        .filter(children__isnull=False)
        .order_by("slug")
        .first()
    )
    pages = [
        ("floor", FLOOR_PATH),
        ("home", f"{prefix}/"),
        (
            "list, two facets",
            f"{prefix}/activities/?country={country.iso_code}&sdg={sdg.number}",
        ),
        ("full list, first page", f"{prefix}/search/"),
        ("full list, last page", f"{prefix}/search/?page={last_page}"),
        ("search, selective word", f"{prefix}/search/?q={rare}"),
        ("search, common word", f"{prefix}/search/?q={common}"),
        ("country page", f"{prefix}/countries/{country.iso_code.lower()}/"),
        ("SDG page", f"{prefix}/sdgs/{sdg.number}/"),
        ("detail page", f"{prefix}/mechanisms/{detail.slug}/"),
        ("CSV export, every record", f"{prefix}/search/export.csv"),
    ]
    return [{"name": name, "path": path} for name, path in pages]


def most_common(options, key):
    from django.db.models import Count

    return options.annotate(record_count=Count("records")).order_by("-record_count", key).first()


def selective_word(records, candidates):
    """Of the candidate words that some published records hold, the one held by the median
    number of records: rare, but not a single hit."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, candidates)) + r")\b")
    counts = dict.fromkeys(candidates, 0)
    texts = records.values_list("title_en", "search_document").iterator(chunk_size=READ_CHUNK)
    for title, document in texts:
        for word in set(pattern.findall(f"{title}\n{document}".lower())):
            counts[word] += 1
    present = sorted((count, word) for word, count in counts.items() if count)
    if not present:
        raise SystemExit("No record holds any of the rare words: is the synthetic set loaded?")
    return present[len(present) // 2][1]


if __name__ == "__main__":
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--prefix", default="", help="URL prefix of the pages, e.g. /en")
    arguments = parser.parse_args()
    django.setup()
    print(json.dumps(pick_pages(arguments.prefix.rstrip("/"))))
