"""Text in English and Arabic: the columns of a translated field, and how to show them.

A translated field (`TranslatedText`, a field of django-translated-fields) is one
column per language (`title_en`, `title_ar`); `record.title` reads the visitor's
language and falls back to English, the language of the source documents.
"""

from functools import cache

from django.conf import settings
from django.db.models import CharField, F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from translated_fields import TranslatedField, TranslatedFieldWithFallback, to_attribute

from mechanisms import arabic

SOURCE_LANGUAGE = settings.LANGUAGES[0][0]
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Direction-control characters (U+202A-U+202E embeddings and overrides, U+2066-U+2069
# isolates): in a name or a query they could reorder the text around them.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(text):
    return text.translate(BIDI_CONTROLS) if isinstance(text, str) else text


def source_language_fallback(name, field):
    """The getter of `fallback_to_default` (django-translated-fields) without its work on
    each read (a column name made from the language by a regular expression, twice): a
    list page reads some 3,000 translated values."""
    columns = {language: to_attribute(name, language) for language in field.languages}
    source = columns[field.languages[0]]

    def getter(obj):
        column = columns.get(get_language())
        return (column is not None and getattr(obj, column)) or getattr(obj, source)

    return getter


class TranslatedText(TranslatedFieldWithFallback):
    """A translated field: read in the visitor's language, in English where it is empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrgetter", source_language_fallback)
        super().__init__(*args, **kwargs)


@cache
def is_translated(model, name):
    return isinstance(getattr(model, name, None), TranslatedField)


@cache
def translated_names(model):
    """The names of `model`'s translated fields (`title`, whose columns are `title_en`
    and `title_ar`)."""
    return frozenset(
        name
        for klass in model.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, TranslatedField)
    )


@cache
def text_columns(model):
    return [f.attname for f in model._meta.concrete_fields if isinstance(f, CharField | TextField)]


class AcceptsTranslatedNames:
    """Lets `Model(title=...)` and `objects.create(title=...)` set the column of the
    active language, as `obj.title = ...` does: Django's constructor only accepts
    fields and plain properties, and a translated field is neither."""

    def __init__(self, *args, **kwargs):
        translated = {
            name: kwargs.pop(name) for name in translated_names(type(self)) & kwargs.keys()
        }
        super().__init__(*args, **kwargs)
        for name, value in translated.items():
            setattr(self, name, value)

    def clean_fields(self, exclude=None):
        self.drop_bidi_controls()
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.drop_bidi_controls()
        super().save(*args, **kwargs)

    def drop_bidi_controls(self):
        """No stored text carries a direction control: one in a title could reorder the
        page around it wherever the title is shown."""
        for attname in text_columns(type(self)):
            value = getattr(self, attname)
            if isinstance(value, str) and not value.isascii():
                setattr(self, attname, value.translate(BIDI_CONTROLS))


def columns(model, name):
    """`title` → ["title_en", "title_ar"] for a translated field, else [name]."""
    return list(getattr(model, name).fields) if is_translated(model, name) else [name]


def side_by_side(model, names):
    """Form field names with each translated field as its columns, on one line."""
    expanded = []
    for name in names:
        if isinstance(name, tuple | list):
            expanded.append(tuple(column for part in name for column in columns(model, part)))
        elif is_translated(model, name):
            expanded.append(tuple(columns(model, name)))
        else:
            expanded.append(name)
    return expanded


def one_after_another(model, names):
    """Form field names with each translated field as its columns, in a flat list (the
    rows of a tabular inline)."""
    return [column for name in names for column in columns(model, name)]


def language_of(model_field):
    """The language of a column of a translated field, or None."""
    return getattr(model_field, "_translated_field_language_code", None)


def current_language():
    language = get_language() or SOURCE_LANGUAGE
    return language if language in LANGUAGE_CODES else SOURCE_LANGUAGE


def ordering(name):
    """ORDER BY a translated field in the visitor's language, English where it is
    missing (`ordering("title")`, `ordering("organisation__name")`)."""
    return sort_text(name, current_language()).asc()


def sort_text(name, language):
    """The text that orders by the translated field `name` in `language`: its own, or
    the English where it is missing. Indexes that serve this order are declared with it."""
    english = F(f"{name}_{SOURCE_LANGUAGE}")
    if language == SOURCE_LANGUAGE:
        return english
    return Coalesce(NullIf(F(f"{name}_{language}"), Value("")), english)


def text_sort_key(text):
    """The order of names in the visitor's language (Arabic's alphabet, or English's)."""
    if current_language() == "ar":
        return arabic.sort_key(text)
    return (text.casefold(), text)


def in_display_order(items, key=str):
    """`items` sorted by `key(item)` as the visitor's language orders words."""
    return sorted(items, key=lambda item: text_sort_key(key(item)))


def missing_translation(obj, name):
    """Whether `obj.name` shows the English because the visitor's language has none."""
    language = get_language() or SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE or language not in LANGUAGE_CODES:
        return False
    return not getattr(obj, f"{name}_{language}") and bool(
        getattr(obj, f"{name}_{SOURCE_LANGUAGE}")
    )
