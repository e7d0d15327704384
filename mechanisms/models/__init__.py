"""The directory's models: the shared vocabulary, records of every kind, their parts."""

from mechanisms.models.parts import (
    RECORD_PARTS,
    Contact,
    Figure,
    Involvement,
    Point,
    Quote,
    RecordPart,
    Section,
)
from mechanisms.models.records import (
    RECORD_HISTORY,
    Activity,
    AreaOfWork,
    KindProxy,
    Mechanism,
    Record,
    RecordQuerySet,
    effective_year,
)
from mechanisms.models.version import DataVersion
from mechanisms.models.vocabulary import (
    SDG,
    Country,
    Framework,
    Organisation,
    Person,
    Source,
    Taxon,
    Theme,
    Type,
)

__all__ = [
    "RECORD_HISTORY",
    "RECORD_PARTS",
    "SDG",
    "Activity",
    "AreaOfWork",
    "Contact",
    "Country",
    "DataVersion",
    "Figure",
    "Framework",
    "Involvement",
    "KindProxy",
    "Mechanism",
    "Organisation",
    "Person",
    "Point",
    "Quote",
    "Record",
    "RecordPart",
    "RecordQuerySet",
    "Section",
    "Source",
    "Taxon",
    "Theme",
    "Type",
    "effective_year",
]
