"""The facts of documents 001 (a working group) and 004 (a regional network), from the models."""

import datetime as dt

import pytest

from mechanisms.models import Activity, Mechanism
from network.models import NationalNetwork, Network, Output, SubStructure, WorkingGroup

pytestmark = pytest.mark.django_db


# 001: the Thematic Working Group on International Migration in the Arab region


@pytest.fixture
def working_group():
    return WorkingGroup.objects.get(
        title_en="Thematic Working Group on International Migration in the Arab region"
    )


def test_001_presented_at_the_19th_meeting_of_the_rcm(working_group):
    rcm = working_group.parent
    assert Mechanism.objects.filter(pk=rcm.pk).exists()
    assert "Regional Coordination Mechanism (RCM)" in rcm.title
    meeting = Activity.objects.get(parent=rcm, activity_type="meeting")
    assert meeting.title == "19th Meeting of the Regional Coordination Mechanism (RCM)"
    assert (meeting.start_date, meeting.end_date) == (dt.date(2013, 11, 26), dt.date(2013, 11, 27))
    assert meeting.place == "League of Arab States, Cairo, Egypt"


def test_001_joint_chairs_and_participating_agencies(working_group):
    chairs = [
        involvement.organisation.name
        for involvement in working_group.involvements.filter(role="co-chair").select_related(
            "organisation"
        )
    ]
    assert chairs == [
        "General Secretariat of the League of Arab States",
        "ESCWA",
        "International Organization for Migration",
    ]
    assert working_group.participating_agencies == 13


def test_001_goal_and_four_functions(working_group):
    goal = " ".join(section.body for section in working_group.sections.all())
    assert "coordinate the complementary efforts of actors working on migration" in goal
    functions = list(working_group.points.filter(kind="function"))
    assert [function.label for function in functions][:1] == ["Information sharing"]
    assert len(functions) == 4
    assert functions[1].text.startswith("Establishing priority areas for cooperation")
    assert functions[2].text.startswith("Dissemination of innovative/good practices")
    assert "promoting data production, research and information management" in functions[3].text


def test_001_coordination_activities_of_2013(working_group):
    activities = list(Activity.objects.filter(parent=working_group).order_by("position"))
    consultation = activities[0]
    assert consultation.activity_type == "consultation"
    assert (consultation.start_date, consultation.end_date) == (
        dt.date(2013, 6, 4),
        dt.date(2013, 6, 5),
    )
    assert "Cairo" in consultation.place
    organisers = {
        i.organisation.acronym for i in consultation.involvements.filter(role="organiser")
    }
    assert organisers == {"ESCWA", "IOM", "LAS"}
    assert "Final Declaration" in consultation.summary
    dialogue = activities[1]
    assert "High-level Dialogue" in dialogue.title
    assert (dialogue.start_date, dialogue.end_date) == (dt.date(2013, 10, 3), dt.date(2013, 10, 4))
    steps = [a.title for a in activities if a.activity_type == "result"]
    assert len(steps) == 5
    assert steps[0].startswith("ToRs agreed")
    assert "13 participating agencies" in steps[2]
    assert "Trends in International Migration Stock: the 2013 Revision" in (
        activities[5].title + activities[5].summary
    )
    assert steps[4].startswith("Mapping exercise")
    plan = activities[-1]
    assert (plan.activity_type, plan.year, plan.status) == ("plan", 2014, "planned")


def test_001_final_declaration_quoted(working_group):
    quote = working_group.quotes.get()
    assert quote.text.startswith("Valuing the establishment of a")
    assert "June 2013" in quote.attribution


# 004: the Regional UN Network on Migration


@pytest.fixture
def network():
    return Network.objects.get(title_en="Regional UN Network on Migration")


def test_004_coordinator_and_co_secretariat(network):
    roles = {(i.organisation.slug, i.role) for i in network.involvements.all()}
    assert {role for role in roles if role[1] != "mentioned"} == {
        ("iom", "coordinator"),
        ("iom", "co-secretariat"),
    }
    assert {slug for slug, role in roles if role == "mentioned"} == {
        "ibc-m",
        "migration-mptf",
        "un-network-on-migration",
    }


def test_004_fifteen_national_networks_reported_eight_named(network):
    assert network.reported_national_networks == 15
    named = NationalNetwork.objects.filter(parent=network).order_by("position")
    countries = [national.countries.get().name for national in named]
    assert countries == [
        "Jordan",
        "Iraq",
        "Saudi Arabia",
        "Bahrain",
        "Kuwait",
        "Qatar",
        "United Arab Emirates",
        "Tunisia",
    ]


def test_004_thirteen_functions_in_order(network):
    functions = list(network.points.filter(kind="function"))
    assert len(functions) == 13
    assert functions[0].text.startswith("Allows for collaboration among its members")
    assert functions[1].text.startswith("Coordinates the quadrennial regional review")
    assert functions[-1].text.startswith("Ensures close coordination with the global UN Network")


def test_004_sub_structures_and_outputs(network):
    structures = SubStructure.objects.filter(parent=network).order_by("position")
    assert [(s.title, s.structure_type) for s in structures] == [
        ("Executive Committee", "committee"),
        ("Stakeholder Engagement Task Force", "task-force"),
        ("Communications Working Group", "working-group"),
    ]
    outputs = Output.objects.filter(parent=network).order_by("position")
    assert [output.title for output in outputs] == [
        "Joint Press Briefing Notes on Regional Reviews",
        "Regional GCM Icons in Arabic and Animation Video",
        "Communications Strategy",
    ]


def test_004_the_cut_off_is_recorded_not_filled_in(network):
    omissions = network.source.omissions
    assert "Events held ahead of the Regional Review Conference and the IMRF" in omissions
    assert "cut off" in omissions
    last = network.sections.order_by("position").last()
    assert last.heading == "Events held ahead of the Regional Review Conference and the IMRF"
    assert "cut off in the source" in last.body
