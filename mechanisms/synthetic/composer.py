"""Composing synthetic records, people and organisations from one random stream.

Every choice is drawn from `random.Random(seed)` in a fixed order over reference data read
in a fixed order, so a seed always gives the same objects. Nothing here touches the
database: the objects are unsaved, for `mechanisms.synthetic` to write in bulk.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from mechanisms.models import (
    Contact,
    Figure,
    Involvement,
    Organisation,
    Person,
    Point,
    Quote,
    Record,
    Section,
)
from mechanisms.synthetic import vocabulary as words

SYNTHETIC_PREFIX = "synthetic-"

# Shares of each kind among the records; activities make up the rest.
KIND_SHARES = {
    "mechanism": 0.04,
    "working-group": 0.02,
    "network": 0.005,
    "national-network": 0.02,
    "sub-structure": 0.01,
    "output": 0.015,
    "area-of-work": 0.02,
}
# Who an activity belongs to (None: an activity of its own, such as a news item).
ACTIVITY_PARENT_WEIGHTS = {"mechanism": 50, "working-group": 25, "area-of-work": 15, None: 10}
ACTIVITY_TYPES_UNDER = {
    "mechanism": ["result", "meeting", "event", "consultation", "statement"],
    "working-group": ["meeting", "consultation", "plan", "event"],
    "area-of-work": ["project"],
    None: ["event", "meeting", "statement", "consultation"],
}
# The roles organisations take in each kind: (role, lowest count, highest count).
ROLES = {
    "mechanism": [("lead", 1, 1), ("partner", 1, 4), ("secretariat", 0, 1), ("funder", 0, 1)],
    "working-group": [("co-chair", 1, 3), ("member", 2, 8)],
    "network": [("coordinator", 1, 1), ("co-secretariat", 0, 1), ("member", 2, 6)],
    "national-network": [("coordinator", 1, 1), ("member", 1, 4)],
    "sub-structure": [("chair", 0, 1), ("member", 1, 3)],
    "output": [("lead", 1, 1), ("partner", 0, 2)],
    "area-of-work": [("lead", 1, 1), ("partner", 0, 2), ("funder", 0, 1)],
    "activity": [("organiser", 1, 2), ("host", 0, 1), ("participant", 0, 3), ("funder", 0, 1)],
}
SECTIONS = {
    "mechanism": (2, 4),
    "working-group": (1, 3),
    "network": (2, 3),
    "national-network": (1, 2),
    "sub-structure": (0, 1),
    "output": (1, 1),
    "area-of-work": (2, 3),
    "activity": (0, 1),
}
# (kind of list item, lowest count, highest count)
POINTS = {
    "mechanism": ("function", 0, 5),
    "working-group": ("function", 3, 5),
    "network": ("function", 5, 10),
    "national-network": ("function", 0, 3),
    "area-of-work": ("line-of-work", 3, 5),
}
WITH_GEOGRAPHIC_FOCUS = {"mechanism", "network", "working-group", "area-of-work"}
FRAMEWORK_CHANCES = {"gcm": 0.35, "2030-agenda": 0.25}
FIRST_YEAR, LAST_YEAR = 2005, 2026
# Activities dated after this are not completed yet; fixed, so that a seed gives the
# same statuses whatever the day it runs.
AS_OF = datetime.date(2025, 6, 30)
DRAFT_SHARE = 0.03
PILOT_SHARE = 0.02
MONTHS = [datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13)]


@dataclass
class Reference:
    """The reference data synthetic records use, each list in a fixed order."""

    arab_states: list
    other_countries: list
    sdgs: dict
    themes: list
    types: list
    frameworks: list
    organisations: list


@dataclass
class Planned:
    """An unsaved record with its taxonomies and its unsaved parts."""

    record: Record
    countries: list = field(default_factory=list)
    sdgs: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    types: list = field(default_factory=list)
    frameworks: list = field(default_factory=list)
    parts: list = field(default_factory=list)


def kind_counts(total):
    """How many records of each kind make `total`; at least one of each."""
    counts = {kind: max(1, round(total * share)) for kind, share in KIND_SHARES.items()}
    counts["activity"] = total - sum(counts.values())
    return counts


def in_sentence(country):
    """A country's name as it reads inside a sentence: "in the United Arab Emirates"."""
    return f"the {country.name}" if country.iso_code in words.NAMES_WITH_THE else country.name


class Composer:
    def __init__(self, random, reference, source):
        self.random = random
        self.reference = reference
        self.source = source
        self.states = reference.arab_states
        self.state_weights = [words.COUNTRY_WEIGHTS.get(c.iso_code, 1) for c in self.states]
        self.by_iso = {c.iso_code: c for c in self.states + reference.other_countries}
        self.subregions_of = {
            country.iso_code: [
                name for name, codes in words.SUBREGIONS.items() if country.iso_code in codes
            ]
            for country in self.states
        }
        self.organisations = []
        self.people = []
        self.record_number = 0
        self.positions = {}

    def pick(self, items, weights=None):
        return self.random.choices(items, weights=weights)[0]

    def chance(self, probability):
        return self.random.random() < probability

    # People and organisations

    def compose_organisations(self, count):
        """`count` organisations with names of their own (none a real one's)."""
        names = [
            (template.format(country=in_sentence(country)), country)
            for template in words.ORGANISATIONS_OF_A_COUNTRY
            for country in self.states
        ]
        adjectives, nouns, causes = words.REGIONAL_ORGANISATION_PARTS
        names += [
            (f"{adjective} {noun} for {cause}", None)
            for adjective in adjectives
            for noun in nouns
            for cause in causes
        ]
        taken = {organisation.name.casefold() for organisation in self.reference.organisations}
        names = [(name, country) for name, country in names if name.casefold() not in taken]
        chosen = self.random.sample(names, min(count, len(names)))
        self.organisations = []
        for name, country in chosen:
            acronym = ""
            if country is None and self.chance(0.5):
                acronym = "".join(word[0] for word in name.split() if word[0].isupper())
            slug = f"{SYNTHETIC_PREFIX}{slugify(name)}"[:80].rstrip("-")
            url = f"https://example.org/{slug}/" if self.chance(0.3) else ""
            self.organisations.append(
                Organisation(slug=slug, name=name, acronym=acronym, country=country, url=url)
            )
        return self.organisations

    def compose_people(self, count):
        honorifics, honorific_weights = zip(*words.HONORIFICS, strict=True)
        self.people = []
        for number in range(1, count + 1):
            is_woman = self.chance(0.5)
            first = self.pick(words.WOMEN_FIRST_NAMES if is_woman else words.MEN_FIRST_NAMES)
            last = self.pick(words.LAST_NAMES)
            if self.chance(words.ADDRESS_FORM_SHARE):
                honorific = "Ms." if is_woman else "Mr."
            else:
                honorific = self.pick(honorifics, honorific_weights)
            organisation = self.pick(self.organisations) if self.chance(0.9) else None
            country = (organisation and organisation.country) or self.pick(
                self.states, self.state_weights
            )
            person = Person(
                slug=f"{SYNTHETIC_PREFIX}{slugify(f'{first} {last}')}-{number}",
                name=f"{first} {last}",
                honorific=honorific,
                position=self.pick(words.POSITIONS),
                organisation=organisation,
                source=self.source,
            )
            if self.chance(0.15):
                street = self.pick(words.STREETS)
                city = self.pick(words.CITIES[country.iso_code])
                person.address = f"{self.random.randint(1, 99)} {street} Street, {city}, {country}"
            if self.chance(0.4) and country.iso_code in words.CALLING_CODES:
                digits = "".join(str(self.random.randint(0, 9)) for _ in range(8))
                person.phone = f"+{words.CALLING_CODES[country.iso_code]} {digits}"
            if self.chance(0.1):
                person.email_note = "Hidden on the source page"
            elif self.chance(0.75):
                local = ".".join(slugify(part).replace("-", "") for part in (first, last))
                person.email = f"{local}.{number}@example.org"
            self.people.append(person)
        return self.people

    # Records

    def new_record(self, kind, title, parent=None):
        self.record_number += 1
        slug = f"{SYNTHETIC_PREFIX}{self.record_number}-{slugify(title)}"[:120].rstrip("-")
        position = 0
        if parent is not None:
            position = self.positions.get(id(parent), 0) + 1
            self.positions[id(parent)] = position
        return Record(
            kind=kind,
            slug=slug,
            title=title[:300],
            source=self.source,
            parent=parent,
            position=position,
            publication="draft" if self.chance(DRAFT_SHARE) else "published",
            updated_at=self.moment(),
            last_reviewed=self.day_in(2023, 2025) if self.chance(0.3) else None,
        )

    def moment(self):
        day = self.day_in(2016, 2025)
        seconds = self.random.randint(0, 86_399)
        return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC) + (
            datetime.timedelta(seconds=seconds)
        )

    def day_in(self, first_year, last_year):
        year = self.random.randint(first_year, last_year)
        return datetime.date(year, self.random.randint(1, 12), self.random.randint(1, 28))

    def setting(self, parent=None):
        """Where a record is and what it is about: the values its words are made of."""
        country = self.pick(self.states, self.state_weights)
        subregions = self.subregions_of[country.iso_code]
        region = self.pick(subregions) if subregions and self.chance(0.6) else words.WHOLE_REGION
        topic_index = self.random.choices(range(len(words.TOPICS)), weights=words.TOPIC_WEIGHTS)[0]
        topic, sdgs, detail = words.TOPICS[topic_index]
        if region == words.WHOLE_REGION:
            in_region = self.states
        else:
            in_region = [self.by_iso[code] for code in words.SUBREGIONS[region]]
        others = [c for c in in_region if c != country]
        parent_title = parent.title if parent is not None else "regional coordination mechanism"
        return {
            "state": country,
            "country": in_sentence(country),
            "country_name": country.name,
            "other": in_sentence(self.pick(others) if others else country),
            "in_region": in_region,
            "region": region,
            "topic": topic,
            "Topic": topic[0].upper() + topic[1:],
            "topic_sdgs": sdgs,
            "detail": detail,
            "city": self.pick(words.CITIES[country.iso_code]),
            "actors": self.pick(words.ACTORS),
            "audience": self.pick(words.AUDIENCES),
            "ordinal": self.pick(words.ORDINALS),
            "year": self.random.randint(2018, LAST_YEAR),
            "rare": self.pick(words.RARE_WORDS),
            "parent": parent_title[0].lower() + parent_title[1:],
            "framework": self.pick(self.reference.frameworks).name,
            "organisation": self.pick(self.organisations).name,
        }

    def plan(self, kind, template, values, parent=None, *, countries=None):
        """A record of `kind` titled from `template`, with taxonomies and parts."""
        countries = countries or self.countries_of(values)
        values["countries"] = ", ".join(in_sentence(country) for country in countries)
        record = self.new_record(kind, template.format_map(values), parent)
        planned = Planned(record, countries=countries)
        planned.sdgs = self.sdgs_of(values)
        planned.themes = self.some(self.reference.themes, 0.25)
        planned.frameworks = [
            framework
            for framework in self.reference.frameworks
            if self.chance(
                0.6
                if kind == "area-of-work" and framework.slug == "2030-agenda"
                else FRAMEWORK_CHANCES.get(framework.slug, 0.05)
            )
        ]
        record.summary = self.sentences(values, 2, 3)
        if kind in WITH_GEOGRAPHIC_FOCUS:
            record.geographic_focus = self.pick(
                [values["region"], values["region"], values["country_name"], "the Arab States"]
            )
        planned.parts += self.sections(record, kind, values)
        planned.parts += self.points(record, kind, values)
        planned.parts += self.involvements(record, kind)
        return planned

    def countries_of(self, values):
        chosen = [values["state"]]
        extra = [c for c in values["in_region"] if c != values["state"]]
        chosen += self.random.sample(extra, min(len(extra), self.random.randint(0, 2)))
        if self.reference.other_countries and self.chance(0.02):
            chosen.append(self.pick(self.reference.other_countries))
        return chosen

    def sdgs_of(self, values):
        numbers = set(values["topic_sdgs"])
        if self.chance(0.25):
            numbers.add(17)
        if self.chance(0.15):
            numbers.add(self.random.randint(1, 17))
        return [self.reference.sdgs[number] for number in sorted(numbers)]

    def some(self, items, probability):
        """None, one or (rarely) two of `items`."""
        if not items or not self.chance(probability):
            return []
        return self.random.sample(items, min(len(items), 2 if self.chance(0.2) else 1))

    def sentences(self, values, lowest, highest):
        templates = self.random.sample(
            words.SUMMARY_SENTENCES, self.random.randint(lowest, highest)
        )
        return " ".join(template.format_map(values) for template in templates)

    def sections(self, record, kind, values):
        lowest, highest = SECTIONS[kind]
        headings = words.SECTION_HEADINGS[kind]
        sections = []
        for position in range(1, self.random.randint(lowest, highest) + 1):
            heading = headings[(position - 1) % len(headings)]
            sections.append(
                Section(
                    record=record,
                    position=position,
                    heading="" if self.chance(0.2) else heading,
                    body=self.sentences(values, 2, 4),
                )
            )
        return sections

    def points(self, record, kind, values):
        if kind not in POINTS:
            return []
        point_kind, lowest, highest = POINTS[kind]
        if point_kind == "function":
            items = words.FUNCTIONS
        else:
            items = [("", text) for text in words.LINES_OF_WORK]
        count = min(len(items), self.random.randint(lowest, highest))
        return [
            Point(
                record=record,
                position=position,
                kind=point_kind,
                label=label,
                text=text.format_map(values),
            )
            for position, (label, text) in enumerate(self.random.sample(items, count), start=1)
        ]

    def involvements(self, record, kind):
        involvements = []
        taken = set()
        for role, lowest, highest in ROLES[kind]:
            for _ in range(self.random.randint(lowest, highest)):
                organisation = self.organisation_for_a_role()
                if organisation.slug in taken:
                    continue
                taken.add(organisation.slug)
                involvements.append(
                    Involvement(
                        record=record,
                        position=len(involvements) + 1,
                        organisation=organisation,
                        role=role,
                    )
                )
        return involvements

    def organisation_for_a_role(self):
        """Mostly synthetic organisations; the real ones (IOM, LAS, ...) now and then."""
        if self.reference.organisations and self.chance(0.2):
            return self.pick(self.reference.organisations)
        return self.pick(self.organisations)

    def contacts(self, record, role, lowest, highest, *, after=0):
        chosen = self.random.sample(
            self.people, min(len(self.people), self.random.randint(lowest, highest))
        )
        return [
            Contact(record=record, position=after + position, person=person, role=role)
            for position, person in enumerate(chosen, start=1)
        ]

    def figures(self, record, values, lowest, highest):
        figures = []
        chosen = self.random.sample(words.FIGURES, self.random.randint(lowest, highest))
        for position, (unit, label, least, most) in enumerate(chosen, start=1):
            figures.append(
                Figure(
                    record=record,
                    position=position,
                    qualifier="over" if self.chance(0.15) else "",
                    value=Decimal(self.random.randint(least, most)),
                    unit=unit,
                    label=label.format_map(values),
                )
            )
        return figures

    def quotes(self, record, values, speakers):
        """A quote by each speaker, or one from a document when there is none."""
        texts = self.random.sample(words.QUOTES, min(len(words.QUOTES), max(1, len(speakers))))
        if not speakers:
            attribution = self.pick(words.QUOTE_ATTRIBUTIONS)
            return [
                Quote(
                    record=record,
                    position=1,
                    text=texts[0].format_map(values),
                    attribution=attribution,
                )
            ]
        return [
            Quote(record=record, position=position, text=text.format_map(values), person=person)
            for position, (text, person) in enumerate(zip(texts, speakers, strict=False), start=1)
        ]

    # The kinds

    def mechanism(self):
        values = self.setting()
        planned = self.plan("mechanism", self.pick(words.MECHANISM_TITLES), values)
        record = planned.record
        planned.types = self.some(self.reference.types, 0.9)[:1]
        if self.chance(0.5):
            record.budget_amount = Decimal(self.random.randint(50, 250_000) * 1000)
            record.budget_currency = "USD" if self.chance(0.9) else "EUR"
            record.budget_year = self.random.randint(2008, 2025)
        if self.chance(0.4):
            planned.parts += self.figures(record, values, 1, 2)
        if self.chance(0.8):
            planned.parts += self.contacts(record, "focal-point", 1, 2)
        return planned

    def working_group(self, mechanism):
        values = self.setting(mechanism.record)
        planned = self.plan(
            "working-group", self.pick(words.WORKING_GROUP_TITLES), values, mechanism.record
        )
        planned.record.participating_agencies = self.random.randint(5, 20)
        if self.chance(0.3):
            planned.parts += self.quotes(planned.record, values, [])
        if self.chance(0.8):
            planned.parts += self.contacts(planned.record, "focal-point", 1, 2)
        return planned

    def network(self):
        values = self.setting()
        countries = self.random.sample(
            self.states, self.random.randint(3, min(12, len(self.states)))
        )
        planned = self.plan("network", self.pick(words.NETWORK_TITLES), values, countries=countries)
        if self.chance(0.6):
            planned.parts += self.figures(planned.record, values, 1, 2)
        if self.chance(0.8):
            planned.parts += self.contacts(planned.record, "focal-point", 1, 2)
        return planned

    def national_network(self, network, country):
        values = self.setting(network.record)
        values.update(state=country, country=in_sentence(country), country_name=country.name)
        planned = self.plan(
            "national-network",
            self.pick(words.NATIONAL_NETWORK_TITLES),
            values,
            network.record,
            countries=[country],
        )
        if self.chance(0.7):
            planned.parts += self.contacts(planned.record, "focal-point", 1, 1)
        return planned

    def national_networks(self, networks, count):
        """One country each, a different one for each network's national network while
        there are countries left; each network reports at least as many as it has."""
        orders = [self.random.sample(self.states, len(self.states)) for _ in networks]
        planned = []
        for index in range(count):
            which = index % len(networks)
            country = orders[which][(index // len(networks)) % len(self.states)]
            planned.append(self.national_network(networks[which], country))
        for which, network in enumerate(networks):
            named = count // len(networks) + (which < count % len(networks))
            reported = min(len(self.states), named + self.random.randint(0, 7))
            network.record.reported_national_networks = max(named, reported)
        return planned

    def sub_structure(self, network):
        values = self.setting(network.record)
        structure_type, template = self.pick(words.SUB_STRUCTURES)
        planned = self.plan("sub-structure", template, values, network.record)
        planned.record.structure_type = structure_type
        return planned

    def output(self, network):
        values = self.setting(network.record)
        planned = self.plan("output", self.pick(words.OUTPUT_TITLES), values, network.record)
        if self.chance(0.1):
            planned.parts += self.figures(planned.record, values, 1, 1)
        if self.chance(0.05):
            planned.parts += self.contacts(planned.record, "press-contact", 1, 1)
        return planned

    def area_of_work(self):
        values = self.setting()
        return self.plan("area-of-work", self.pick(words.AREA_OF_WORK_TITLES), values)

    def activity(self, parent):
        parent_kind = parent.record.kind if parent else None
        values = self.setting(parent.record if parent else None)
        allowed = ACTIVITY_TYPES_UNDER[parent_kind]
        activity_type = self.pick(allowed, [words.ACTIVITY_TYPE_WEIGHTS[t] for t in allowed])
        template = self.pick(words.ACTIVITY_TITLES[activity_type])
        planned = self.plan("activity", template, values, parent.record if parent else None)
        record = planned.record
        record.activity_type = activity_type
        self.date(record, activity_type, values)
        if activity_type in {"meeting", "event", "consultation"}:
            record.place = (
                "Online" if self.chance(0.1) else f"{values['city']}, {values['country_name']}"
            )
            if self.chance(0.6):
                record.participants = (
                    f"Representatives of {self.random.randint(3, 22)} Member States, "
                    f"{self.pick(words.ACTORS)} and UN agencies"
                )
        if self.chance(PILOT_SHARE):
            record.summary += " " + words.PILOT_SENTENCE.format_map(values)
        speakers = []
        if activity_type in {"meeting", "event", "statement"} and self.chance(0.3):
            speakers = self.contacts(record, "speaker", 1, 3)
            planned.parts += speakers
        if self.chance(0.05):
            planned.parts += self.contacts(record, "press-contact", 1, 1, after=len(speakers))
        if speakers and self.chance(0.5):
            planned.parts += self.quotes(record, values, [c.person for c in speakers])
        if self.chance(0.15):
            planned.parts += self.figures(record, values, 1, 2)
        return planned

    def date(self, record, activity_type, values):
        """Year, status, dates and the date as written, consistent with each other."""
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        year = self.pick(years, [1 + (y - FIRST_YEAR) for y in years])
        month = self.random.randint(1, 12)
        start = datetime.date(year, month, self.random.randint(1, 26))
        record.year = year
        if activity_type == "project":
            record.start_date = start.replace(day=1)
            record.end_date = record.start_date.replace(year=year + self.random.randint(1, 4))
            record.date_text = f"{year}–{record.end_date.year}"
        elif activity_type in {"meeting", "event", "consultation"} and self.chance(0.8):
            record.start_date = start
            if self.chance(0.5):
                record.end_date = start + datetime.timedelta(days=self.random.randint(1, 2))
                # Days run to the 28th at most: the meeting ends within its month.
                record.date_text = f"{start.day}–{record.end_date.day} {MONTHS[month - 1]} {year}"
            else:
                record.date_text = f"{start.day} {MONTHS[month - 1]} {year}"
        elif self.chance(0.5):
            record.date_text = f"{MONTHS[month - 1]} {year}"
        last_day = record.end_date or record.start_date or datetime.date(year, 12, 31)
        first_day = record.start_date or datetime.date(year, 1, 1)
        if first_day > AS_OF:
            record.status = "planned"
            record.date_text = record.date_text or f"to be conducted in {year}"
        elif last_day > AS_OF:
            record.status = "ongoing"
        else:
            record.status = "completed" if self.chance(0.95) else ""
