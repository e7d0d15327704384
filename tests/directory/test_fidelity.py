"""True to the documents: what each public page says, read against the five documents."""

import html as entities
import re

import pytest
from django.urls import reverse

from mechanisms.models import Source

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"
NETWORK = "regional-un-network-on-migration"


def page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, name
    return response.text


INLINE_TAGS = r"</?(?:a|span|time|q|strong|em|bdi|cite|code)\b[^>]*>"


def visible_text(html):
    """The words of a page as a reader sees them: tags removed (a block ends a word, an
    inline element does not), entities decoded, white space folded."""
    text = re.sub(r"<[^>]+>", " ", re.sub(INLINE_TAGS, "", html))
    return " ".join(entities.unescape(text).split())


class TestTime:
    def test_statuses_are_dated_by_when_the_document_was_written(self, client):
        text = visible_text(page(client, "mechanisms:mechanism-detail", MECHANISM))
        assert "Ongoing when the document was written, 2012–2013" in text
        assert "as reported in 2015" not in text
        plan = visible_text(page(client, "mechanisms:activity-detail", "twg-plan-for-2014"))
        assert "Planned when the document was written, November 2013" in plan

    def test_an_undated_document_says_so(self, client):
        text = visible_text(
            page(client, "mechanisms:area-of-work-detail", "migration-and-sustainable-development")
        )
        assert "As described in an undated document." in text

    def test_when_shows_dates_and_the_documents_other_words_are_labelled(self, client):
        handbook = visible_text(page(client, "mechanisms:activity-detail", "iom-ro-mena-result-6"))
        assert "When" not in handbook
        assert "In the document's words A handbook is being developed" in handbook
        project = visible_text(
            page(
                client,
                "mechanisms:activity-detail",
                "iom-ro-mena-regional-project-libya-tunisia-egypt",
            )
        )
        assert "In the document's words Currently" in project
        assert "When" not in project
        meeting = visible_text(page(client, "mechanisms:activity-detail", "iom-ro-mena-result-5"))
        assert "When 2012 · “December 2012” in the document" in meeting

    def test_an_inferred_date_says_so_beside_it(self, client):
        text = visible_text(
            page(
                client,
                "mechanisms:activity-detail",
                "regional-partners-briefing-imrf-outcomes-2022",
            )
        )
        assert "When 20 June 2022 (worked out from the document)" in text
        assert "the year is inferred" in text
        assert "“Monday June 20th” in the document" in text

    def test_the_home_page_says_recently_updated_in_the_directory(self, client):
        html = page(client, "directory:home")
        section = html.split('id="recent"')[1].split("</section>")[0]
        text = visible_text(section)
        assert text.startswith(">Recently updated in the directory")
        assert "from a document written November 2013" in text
        assert "Planned" not in text


class TestAsWritten:
    def test_names_as_the_document_writes_them_with_the_official_name_labelled(self, client):
        text = visible_text(page(client, "mechanisms:person-detail", "ayman-zohry"))
        assert "Center for Migration and Refugee Studies, American University of Cairo" in text
        organisation = visible_text(page(client, "mechanisms:organisation-detail", "auc"))
        assert "American University of Cairo" in organisation
        assert (
            "Official name The American University in Cairo (not the documents' wording; source)"
            in organisation
        )

    def test_escwa_is_not_a_partner_of_the_mechanism(self, client):
        html = page(client, "mechanisms:mechanism-detail", MECHANISM)
        organisations = visible_text(html.split("<h2>Organisations</h2>")[1].split("</section>")[0])
        assert "Partner League of Arab States (LAS) Arab Labour Organization (ALO)" in organisations
        assert "ESCWA" not in organisations
        dialogue = page(
            client,
            "mechanisms:activity-detail",
            "iom-las-escwa-regional-dialogue-ahead-of-hld-2013",
        )
        assert ">ESCWA</a>" in dialogue

    def test_the_networks_six_items_stay_together_with_the_typing_marked(self, client):
        html = page(client, "network:network-detail", NETWORK)
        section = html.split("<h2>Sub-coordination structure</h2>")[1].split("</section>")[0]
        titles = re.findall(r'<a href="/en/(?:sub-structures|outputs)/[^"]+">([^<]+)</a>', section)
        assert titles == [
            "Executive Committee",
            "Stakeholder Engagement Task Force",
            "Communications Working Group",
            "Joint Press Briefing Notes on Regional Reviews",
            "Regional GCM Icons in Arabic and Animation Video",
            "Communications Strategy",
        ]
        assert "the kind beside each is the directory's" in section
        assert html.count("<h2>Sub-coordination structure</h2>") == 1

    def test_reference_facts_cite_their_reference_where_they_are_used(self, client):
        home = page(client, "directory:home")
        membership = Source.objects.get(slug="las-member-states")
        assert f'href="{membership.get_absolute_url()}">Source: {membership.title}' in home
        for slug in ("un-sustainable-development-goals", "un-sdg-communications-materials"):
            assert Source.objects.get(slug=slug).get_absolute_url() in home
        sdg = page(client, "directory:sdg-detail", 16)
        assert Source.objects.get(slug="un-sdg-communications-materials").get_absolute_url() in sdg
        egypt = page(client, "directory:country-detail", "eg")
        assert membership.get_absolute_url() in egypt
        escwa = page(client, "mechanisms:organisation-detail", "escwa")
        assert Source.objects.get(slug="un-escwa-about").get_absolute_url() in escwa
        area = page(
            client, "mechanisms:area-of-work-detail", "migration-and-sustainable-development"
        )
        year = Source.objects.get(slug="un-resolution-70-1").get_absolute_url()
        assert f'(2015, <a href="{year}">source of the year</a>)' in area

    def test_the_footer_promise_is_exactly_true(self, client):
        text = visible_text(page(client, "directory:home"))
        assert "Nothing is added that the documents do not say" not in text
        assert "cite a reference where they are used" in text
        assert "the directory's own reading of the documents" in text


class TestSources:
    def test_every_source_has_a_page_listed_on_the_sources_page(self, client):
        listing = page(client, "directory:source-list")
        for source in Source.objects.all():
            assert f'href="{source.get_absolute_url()}"' in listing
            assert client.get(source.get_absolute_url()).status_code == 200

    def test_a_document_page_gives_its_dates_gaps_records_and_a_citation(self, client):
        source = Source.objects.get(slug="iom-ro-mena-multilateral-coordination-mechanism")
        text = visible_text(page(client, "directory:source-detail", source.slug))
        assert "A directory entry on an Arab States portal" in text
        assert "Publisher Not shown in the document" in text
        assert "Published Thursday 25 June 2015, 12:18 (no time zone given)" in text
        assert "Content written 2012–2013" in text
        assert "The focal point's email address is hidden" in text
        assert "11 records taken from it" in text
        assert (
            "“IOM’s Regional Office (RO) for the Middle East and North Africa as a Multilateral "
            "Coordination Mechanism”. A directory entry on an Arab States portal, 25 June 2015. "
            "Copy held by Migration coordination in the Arab States: a directory, "
            f"http://testserver{source.get_absolute_url()}." in text
        )

    def test_a_reference_page_says_what_is_taken_from_it(self, client):
        text = visible_text(page(client, "directory:source-detail", "las-member-states"))
        assert "https://arableague-us.org/wp/about-2/structure/main-organs" in text
        assert "Membership of the League of Arab States Algeria, Bahrain, Comoros" in text

    def test_every_records_source_box_links_to_its_source_page(self, client):
        html = page(client, "mechanisms:mechanism-detail", MECHANISM)
        source = Source.objects.get(slug="iom-ro-mena-multilateral-coordination-mechanism")
        box = html.split('class="card source"')[1].split("</section>")[0]
        assert f'href="{source.get_absolute_url()}"' in box
        assert "000_" not in html
        assert "Copy kept as" not in html
