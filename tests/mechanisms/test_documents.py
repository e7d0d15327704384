"""The facts of documents 000, 002 and 003 and the reference data, read back from the models.

The test database holds the project's fixtures (see tests/conftest.py).
"""

import datetime as dt
from decimal import Decimal

import pytest

from mechanisms.models import (
    SDG,
    Activity,
    AreaOfWork,
    Country,
    Mechanism,
    Organisation,
    Person,
    Record,
    Source,
)

pytestmark = pytest.mark.django_db

LEAGUE_OF_ARAB_STATES = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
    "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE",
}  # fmt: skip


def roles(record):
    return [
        (involvement.organisation.acronym or involvement.organisation.name, involvement.role)
        for involvement in record.involvements.select_related("organisation")
    ]


# Reference data


def test_the_17_sdgs_with_official_titles_and_colours():
    sdgs = list(SDG.objects.all())
    assert [sdg.number for sdg in sdgs] == list(range(1, 18))
    assert str(SDG.objects.get(number=16)) == "16. Peace, Justice and Strong Institutions"
    assert SDG.objects.get(number=17).title == "Partnerships for the Goals"
    assert SDG.objects.get(number=1).colour == "#E5243B"
    assert SDG.objects.get(number=16).colour == "#00689D"
    assert SDG.objects.get(number=17).colour == "#19486A"


def test_the_22_members_of_the_league_of_arab_states():
    members = set(Country.objects.filter(is_arab_state=True).values_list("iso_code", flat=True))
    assert members == LEAGUE_OF_ARAB_STATES
    assert Country.objects.get(iso_code="EG").name == "Egypt"


def test_every_country_a_record_names_is_a_country_of_the_directory():
    named = set(Record.objects.values_list("countries__iso_code", flat=True)) - {None}
    assert named <= set(Country.objects.values_list("iso_code", flat=True))
    assert "US" in named  # the IMRF was held in New York


def test_organisations_are_records_of_their_own():
    names = dict(Organisation.objects.values_list("acronym_en", "name_en").exclude(acronym_en=""))
    assert names["IOM"] == "International Organization for Migration"
    assert names["LAS"] == "League of Arab States"
    assert names["ALO"] == "Arab Labour Organization"
    assert "ESCWA" in names
    assert Organisation.objects.get(slug="iom-ro-mena").parent.acronym == "IOM"
    assert Organisation.objects.filter(name_en__icontains="Population Division").exists()


def test_every_record_cites_its_source_document():
    assert not Record.objects.filter(source__isnull=True).exists()
    assert not Record.objects.filter(source__kind=Source.Kind.REFERENCE).exists()
    assert Source.objects.documents().count() == 5
    seeds = set(Source.objects.documents().values_list("seed_file", flat=True))
    assert seeds == {
        "000_2862137b96498bb1.txt",
        "001_0c35c891b5b54a69.txt",
        "002_bb934a844726f85a.txt",
        "003_fb6f3d283f7e3b15.txt",
        "004_859187048b148a97.txt",
    }


# 000: IOM's Regional Office as a multilateral coordination mechanism


@pytest.fixture
def iom_mechanism():
    return Mechanism.objects.get(title_en__startswith="IOM’s Regional Office (RO)")


def test_000_title_taxonomies_and_focus(iom_mechanism):
    assert iom_mechanism.title == (
        "IOM’s Regional Office (RO) for the Middle East and North Africa as a "
        "Multilateral Coordination Mechanism"
    )
    assert [c.iso_code for c in iom_mechanism.countries.all()] == ["EG"]
    assert [t.name for t in iom_mechanism.types.all()] == ["Mechanism"]
    assert [t.name for t in iom_mechanism.themes.all()] == [
        "Decentralization",
        "Democratic Governance",
    ]
    assert [s.number for s in iom_mechanism.sdgs.all()] == [16, 17]
    assert iom_mechanism.geographic_focus == "the Arab States"


def test_000_source_dates_and_read_count(iom_mechanism):
    source = iom_mechanism.source
    assert source.seed_file.startswith("000_")
    # The page shows times of day without a time zone: they are kept as shown.
    assert (source.published_on, source.published_time) == (dt.date(2015, 6, 25), dt.time(12, 18))
    assert (source.modified_on, source.modified_time) == (dt.date(2017, 7, 16), dt.time(12, 41))
    assert source.read_count == 5933
    # Its content dates itself 2012-2013, years before the portal published it.
    assert (source.content_as_of, source.content_year) == ("2012–2013", 2013)


def test_000_descriptive_sections(iom_mechanism):
    sections = {section.heading: section.body for section in iom_mechanism.sections.all()}
    focus = next(body for heading, body in sections.items() if "Thematic focus" in heading)
    assert focus.startswith("Initiatives to promote information-sharing")
    steps = next(body for heading, body in sections.items() if "Steps/stages" in heading)
    assert "South-South cooperation" in steps
    current = " ".join(sections.values())
    for named in ("Libya", "Tunisia", "Egypt", "Morocco", "Iraq", "LAS", "UNESCWA"):
        assert named in current
    assert "High Level Dialogue on International Migration and Development in 2013" in current


def test_000_seven_results_in_order_with_dates_and_states(iom_mechanism):
    results = list(
        Activity.objects.filter(parent=iom_mechanism, activity_type="result").order_by("position")
    )
    assert len(results) == 7
    assert [r.position for r in results] == [1, 2, 3, 4, 5, 6, 7]
    assert results[0].title.startswith("Coordinated a workshop on intra-regional labour mobility")
    assert {result.listed_under for result in results} == {"Results to date"}
    # Words that are not dates are kept as the document's words on the status.
    assert results[1].status_as_written == "roundtables to be conducted in 2013"
    assert results[2].status_as_written == "trainings to be conducted in 2013"
    assert "Arab expatriates" in results[3].title
    assert results[4].date_text == "December 2012"
    assert results[5].status == Record.Status.ONGOING
    assert "handbook is being developed" in results[5].status_as_written
    assert not any(result.date_text for result in results[:4] + results[5:])
    assert "study tours" in results[6].title + results[6].summary


def test_000_partners_budget_and_focal_point(iom_mechanism):
    # "partnerships with regional organizations, including the League of Arab States and
    # the Arab Labour Organization (ALO)": ESCWA is named only for the 2013 dialogue.
    partners = {name for name, role in roles(iom_mechanism) if role == "partner"}
    assert partners == {"LAS", "ALO"}
    assert iom_mechanism.budget_amount == Decimal("211000000")
    assert iom_mechanism.budget_currency == "USD"
    assert iom_mechanism.budget_year == 2011
    contact = iom_mechanism.contacts.select_related("person__organisation").get()
    assert contact.role == "focal-point"
    person = contact.person
    assert person.name == "Mathieu Luciano"
    assert person.position == "Regional Liaison and Policy Officer"
    assert person.organisation.name == "IOM Regional Office for the Middle East and North Africa"
    assert person.address == "47C Abu El Feda Street, Zamalek, Cairo, Egypt"
    assert person.phone == "+20 1016255500"
    assert person.email == ""
    assert "Hidden on the source page" in person.email_note


# 002: news of the regional partners briefing on the IMRF outcomes


@pytest.fixture
def briefing():
    return Activity.objects.get(
        title_en="IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes"
    )


def test_002_the_briefing_when_where_and_by_whom(briefing):
    assert briefing.activity_type == "event"
    assert briefing.start_date == dt.date(2022, 6, 20)
    assert briefing.place == "Cairo"
    organisers = {name for name, role in roles(briefing) if role == "organiser"}
    assert organisers == {
        "IOM Regional Office for the Middle East and North Africa",
        "Government of Egypt",
    }


def test_002_the_imrf_and_its_progress_declaration():
    imrf = Activity.objects.get(title_en__contains="International Migration Review Forum")
    assert imrf.date_text == "May 2022"
    assert imrf.place == "New York"
    assert imrf.frameworks.filter(short_name_en="GCM").exists()
    figures = {(f.qualifier, f.value, f.unit) for f in Record.objects.get(pk=imrf.pk).figures.all()}
    assert ("", Decimal("110"), "countries") in figures


def test_002_speakers_with_their_roles_and_words(briefing):
    speakers = {
        contact.person.name: contact.person
        for contact in briefing.contacts.filter(role="speaker").select_related("person")
    }
    assert set(speakers) == {"Carmela Godeau", "Neveen El Hosseiny", "Ayman Zohry"}
    assert speakers["Carmela Godeau"].position == (
        "IOM Regional Director for the Middle East and North Africa"
    )
    assert speakers["Neveen El Hosseiny"].honorific == "Ambassador"
    assert "Combatting Trafficking in Persons" in speakers["Neveen El Hosseiny"].position
    assert speakers["Ayman Zohry"].organisation.name.startswith(
        "Center for Migration and Refugee Studies"
    )
    quoted = {quote.person.name for quote in briefing.quotes.select_related("person")}
    assert quoted == set(speakers)


def test_002_figures():
    figures = {
        (f.qualifier, f.value, f.unit): f.label
        for record in Record.objects.filter(source__seed_file__startswith="002_")
        for f in record.figures.all()
    }
    assert ("", Decimal("110"), "countries") in figures
    assert ("", Decimal("4"), "years") in figures
    assert ("", Decimal("281000000"), "migrants") in figures
    assert "December 2021" in figures[("", Decimal("158"), "pledges")]
    assert "25 Member States" in figures[("over", Decimal("100"), "pledges")]


def test_002_press_contact(briefing):
    contact = briefing.contacts.get(role="press-contact")
    assert contact.person.name == "Tamim Elyan"
    assert contact.person.email == "telyan@iom.int"


# 003: migration and sustainable development, an area of work


def test_003_area_of_work_lines_and_frameworks():
    area = AreaOfWork.objects.get(title_en="Migration and Sustainable Development")
    lines = [point.text for point in area.points.filter(kind="line-of-work")]
    assert len(lines) == 4
    assert lines[0].startswith("Engaging diaspora communities")
    assert lines[1].startswith("Harnessing remittances")
    assert "youth employment" in lines[2]
    assert "displaced populations" in lines[3]
    frameworks = {framework.name for framework in area.frameworks.all()}
    assert "2030 Agenda for Sustainable Development" in frameworks
    assert any("Institutional Strategy" in name for name in frameworks)


def test_003_the_agroecology_project_in_morocco():
    project = Activity.objects.get(title_en__contains="Agroecology in Morocco")
    assert project.activity_type == "project"
    assert project.parent.title == "Migration and Sustainable Development"
    assert [c.iso_code for c in project.countries.all()] == ["MA"]
    assert ("IOM Development Fund", "funder") in [
        (i.organisation.name, i.role) for i in project.involvements.select_related("organisation")
    ]
    assert {f.short_name or f.name for f in project.frameworks.all()} >= {"GCM"}
    assert project.frameworks.filter(name_en__contains="Paris Agreement").exists()


def test_people_in_the_documents():
    assert set(Person.objects.values_list("name", flat=True)) == {
        "Mathieu Luciano",
        "Carmela Godeau",
        "Neveen El Hosseiny",
        "Ayman Zohry",
        "Tamim Elyan",
    }


def test_every_organisation_is_linked_to_a_record_or_a_person():
    unlinked = Organisation.objects.filter(
        involvements__isnull=True, people__isnull=True, units__isnull=True
    )
    assert list(unlinked.values_list("name_en", flat=True)) == []
    population_division = Organisation.objects.get(slug="un-population-division")
    (involvement,) = population_division.involvements.select_related("record")
    assert involvement.role == "mentioned"
    assert "Trends in International Migration Stock" in involvement.record.title + (
        involvement.record.summary
    )
