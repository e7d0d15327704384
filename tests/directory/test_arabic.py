"""The directory in Arabic: the same pages under /ar/, right to left, with Arabic content,
Arabic search, and English shown (and marked) where a translation is missing."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mechanisms import bilingual
from mechanisms.models import Country, Record
from tests.factories import make_record
from tests.urls_in import arabic, english

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"
PROJECT = "iom-ro-mena-regional-project-libya-tunisia-egypt"


def search_slugs(client, query):
    response = client.get(arabic("directory:search"), {"q": query, "per_page": 100})
    assert response.status_code == 200
    return {record.slug for record in response.context["page_obj"]}


def test_an_arabic_page_is_right_to_left_with_arabic_interface_and_content(client):
    response = client.get(arabic("mechanisms:mechanism-detail", MECHANISM))
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "انتقل إلى المحتوى الرئيسي" in response.text
    assert "Skip to main content" not in response.text
    assert "المكتب الإقليمي للمنظمة الدولية للهجرة" in response.text
    assert 'hreflang="en" href="/en/mechanisms/' in response.text


def test_every_arabic_record_page_says_the_english_source_is_authoritative(client):
    record = Record.objects.get(slug=MECHANISM)
    response = client.get(arabic("mechanisms:mechanism-detail", MECHANISM))
    authoritative = re.search(r'<p class="authoritative">(.*?)</p>', response.text, re.S)
    assert authoritative, "the note on the English source is missing"
    assert f'href="{arabic("directory:source-detail", record.source.slug)}"' in (
        authoritative.group(1)
    )
    english_page = client.get(english("mechanisms:mechanism-detail", MECHANISM))
    assert 'class="authoritative"' not in english_page.text


def test_a_missing_translation_shows_the_english_marked_as_english(client):
    record = make_record(title_en="A record written in English only", title_ar="")
    response = client.get(arabic(f"mechanisms:{record.kind}-detail", record.slug))
    assert (
        '<span lang="en" dir="ltr">A record written in English only</span> '
        '<span class="untranslated">(لم يُترجم بعد)</span>'
    ) in response.text
    english_page = client.get(english(f"mechanisms:{record.kind}-detail", record.slug))
    assert "untranslated" not in english_page.text


def test_the_switcher_keeps_the_page_its_filters_sort_and_page(client):
    query = "country=EG&sort=title&page=2&per_page=10"
    response = client.get(english("mechanisms:activity-list") + "?" + query)
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', response.text, re.S)
    expected = arabic("mechanisms:activity-list") + "?" + query.replace("&", "&amp;")
    assert f'href="{expected}" hreflang="ar"' in switcher.group(0)


def test_a_list_is_in_the_order_of_the_arabic_titles_before_any_sort_is_chosen(client):
    """The form's "Sort by" shows "Title, A to Z" first; the list it shows before a
    choice is in that order, titles in Arabic, not in the English titles' order."""
    make_record(title_en="Aaa first in English", title_ar="ي آخر بالعربية")
    shown = client.get(arabic("mechanisms:mechanism-list"), {"per_page": 100})
    chosen = client.get(arabic("mechanisms:mechanism-list"), {"per_page": 100, "sort": "title"})
    titles = [record.title for record in shown.context["page_obj"]]
    assert titles == [record.title for record in chosen.context["page_obj"]]
    assert titles[-1] == "ي آخر بالعربية"  # first by its English title


def test_countries_are_named_in_arabic_with_palestine_as_a_state(client):
    palestine = Country.objects.get(iso_code="PS")
    assert (palestine.name_en, palestine.name_ar) == ("State of Palestine", "دولة فلسطين")
    response = client.get(arabic("directory:country-list"))
    assert "دولة فلسطين" in response.text
    assert "الولايات المتحدة" in response.text


def test_arabic_names_sort_by_the_alphabet_not_by_code_point():
    # By code point إ (U+0625) comes before ا (U+0627); in the alphabet the hamza is not a
    # letter of its own, so "اليمن" (a-l-y) comes before "إيران" (a-y-r).
    names = ["إيران", "اليمن", "تونس", "البحرين"]
    with translation.override("ar"):
        assert bilingual.in_display_order(names, key=str) == ["البحرين", "اليمن", "إيران", "تونس"]
    with translation.override("en"):
        assert bilingual.in_display_order(["Yemen", "Iran"], key=str) == ["Iran", "Yemen"]


def test_the_sdgs_carry_the_uns_arabic_titles(client):
    response = client.get(arabic("directory:sdg-detail", 16))
    assert "السلام والعدل والمؤسسات القوية" in response.text


def test_counts_are_pluralised_in_english(client):
    response = client.get(english("mechanisms:activity-list"))
    assert not re.search(r"\(1 results\)|\b1 records\b", response.text)


@pytest.mark.parametrize(
    "query",
    [
        "الهجرة",  # as written
        "الهِجْرَة",  # with diacritics
        "والهجرة",  # with a leading "and"
        "هجرة",  # without the article
        "الهجره",  # final ة written as ه
    ],
)
def test_an_arabic_word_is_found_however_it_is_written(client, query):
    found = search_slugs(client, query)
    assert MECHANISM in found
    assert found == search_slugs(client, "الهجرة")


def test_an_alef_form_and_tatweel_do_not_matter(client):
    plain = search_slugs(client, "اقليمي")
    assert PROJECT in plain
    assert search_slugs(client, "إقليمي") == plain
    assert search_slugs(client, "إقلـــيمي") == plain


def test_an_arabic_country_name_finds_its_records(client):
    found = search_slugs(client, "ليبيا")
    assert PROJECT in found


def test_english_search_keeps_working_on_arabic_pages(client):
    assert MECHANISM in search_slugs(client, "Regional Office")


def test_direction_controls_in_a_query_cannot_reorder_the_page(client):
    response = client.get(arabic("directory:search"), {"q": "\u202emigration\u2066"})
    assert response.status_code == 200
    assert "\u202e" not in response.text
    assert "\u2066" not in response.text


def test_direction_controls_in_content_are_dropped(client):
    record = make_record(title_en="Plain \u202etitle\u202c", title_ar="عنوان \u2067مقلوب\u2069")
    for url in (
        english(f"mechanisms:{record.kind}-detail", record.slug),
        arabic(f"mechanisms:{record.kind}-detail", record.slug),
    ):
        text = client.get(url).text
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), url


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("directory:home", ()),
        ("mechanisms:activity-list", ()),
        ("mechanisms:mechanism-detail", (MECHANISM,)),
        ("directory:country-detail", ("eg",)),
        ("directory:sdg-detail", (16,)),
        ("directory:search", ()),
    ],
)
def test_a_page_costs_the_same_queries_in_both_languages(client, name, args):
    counts = {}
    for language, url in (("en", english(name, *args)), ("ar", arabic(name, *args))):
        client.get(url)  # warm whatever is cached per process
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[language] = len(queries)
    assert counts["en"] == counts["ar"], counts


def test_the_english_translation_credit_is_isolated_in_the_arabic_note(client):
    response = client.get(arabic("mechanisms:mechanism-detail", MECHANISM))
    credit = Record.objects.get(slug=MECHANISM).translated_by
    assert f"<bdi>{credit}</bdi>" in response.text


def test_names_in_a_list_are_separated_by_the_arabic_comma(client):
    arabic_page = client.get(arabic("directory:country-detail", "eg")).content.decode()
    english_page = client.get(english("directory:country-detail", "eg")).content.decode()
    assert "اللامركزية، الحوكمة الديمقراطية" in arabic_page
    assert "اللامركزية, " not in arabic_page
    assert re.search(r"Decentralization, |, Decentralization", english_page)


def test_a_date_and_its_time_are_separated_by_the_arabic_comma(client):
    source = "iom-ro-mena-multilateral-coordination-mechanism"
    arabic_page = client.get(arabic("directory:source-detail", source)).text
    english_page = client.get(english("directory:source-detail", source)).text
    assert "2015، 12:18" in arabic_page
    assert "2015, 12:18" not in arabic_page
    assert "Thursday 25 June 2015, 12:18" in english_page


@pytest.mark.parametrize(
    ("language", "title_ar", "read"),
    [
        ("ar", "عنوان", "عنوان"),
        ("ar", "", "Title"),
        ("en", "عنوان", "Title"),
        ("fr", "عنوان", "Title"),  # a language the site does not have
        (None, "عنوان", "Title"),  # no language active, as in a management command
    ],
)
def test_a_translated_field_reads_the_visitors_language_or_else_english(language, title_ar, read):
    record = Record(title_en="Title", title_ar=title_ar)
    with translation.override(language):
        assert record.title == read
