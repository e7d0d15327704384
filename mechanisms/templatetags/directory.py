"""Template helpers of the public pages: text in the visitor's language, contacts, search
hits, the kinds' lists."""

import re

from django import template
from django.http import QueryDict
from django.urls import reverse, translate_url
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext

from mechanisms import bilingual
from mechanisms.kinds import registry
from mechanisms.search import is_acronym

register = template.Library()

SNIPPET_WIDTH = 90
MAX_WORDS = 12


@register.simple_tag
def list_url(url_name, **filters):
    """A list's URL with filters in its query string, encoded (`{% list_url "search"
    country="EG" %}`): links into filtered lists without building strings by hand."""
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        query[name] = str(value)
    return f"{reverse(url_name)}?{query.urlencode()}"


@register.simple_tag
def kind_lists():
    """Every kind of record with the URL of its list, in the registry's order."""
    return [(kind, reverse(f"{kind.url_name_prefix}-list")) for kind in registry]


@register.filter
def add_value(values, value):
    """`values` with `value` added: a query parameter's values, one more."""
    return [*values, value]


@register.filter
def visible_to(record, user):
    """`record` if this visitor may see it (published, or staff previewing), else None:
    a draft's title must not show on the public pages of the records it contains."""
    if record is not None and (record.is_published or (user.is_active and user.is_staff)):
        return record
    return None


@register.filter
def tel_href(number):
    return "tel:" + re.sub(r"[^+0-9]", "", number)


def word_patterns(query):
    """A pattern per query word, loose enough for English stems ("coordinating" →
    "coordination"), as PostgreSQL's English configuration matches them."""
    words = [word for word in re.findall(r"\w+", query) if len(word) > 1]
    patterns = []
    for word in words[:MAX_WORDS]:
        if is_acronym(word):
            patterns.append(rf"\b{re.escape(word)}\b")
            continue
        stem = word if len(word) <= 4 else word[: max(4, len(word) - 3)]
        patterns.append(rf"\b{re.escape(stem)}\w*")
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def marked(text, pattern):
    """`text` escaped, with each match of `pattern` in <mark>."""
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append((text[position : match.start()], match[0]))
        position = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pieces), text[position:])


@register.filter
def highlight(text, query):
    pattern = word_patterns(query or "")
    return marked(text, pattern) if pattern else text


def passage_bounds(document, match_start, match_end):
    """About SNIPPET_WIDTH characters either side of a match, cut between words."""
    start = max(0, match_start - SNIPPET_WIDTH)
    if start:
        space = document.find(" ", start, match_start)
        start = space + 1 if space != -1 else start
    end = document.find(" ", match_end + SNIPPET_WIDTH)
    return start, len(document) if end == -1 else end


@register.simple_tag
def match_reason(record, query):
    """Why a record matched `query`: in its title, and the passage of its text that matched."""
    pattern = word_patterns(query or "")
    if pattern is None:
        return {}
    document = " ".join(record.search_document.split())
    found = pattern.search(document)
    passage = ""
    if found:
        start, end = passage_bounds(document, found.start(), found.end())
        before = "… " if start else ""
        after = " …" if end < len(document) else ""
        passage = format_html("{}{}{}", before, marked(document[start:end], pattern), after)
    return {"in_title": bool(pattern.search(record.title)), "passage": passage}


@register.filter
def tr(obj, name):
    """`obj.name` in the visitor's language, escaped; where its translation is missing,
    the English, marked as English, with a discreet note. `name` may end in `:N` to
    shorten the text to N characters. Direction-control characters are dropped, so that
    a name cannot reorder the page around it."""
    name, _colon, length = name.partition(":")
    text = bilingual.without_bidi_controls(getattr(obj, name) or "")
    if length:
        text = Truncator(text).chars(int(length))
    if bilingual.missing_translation(obj, name):
        return format_html(
            '<span lang="en" dir="ltr">{}</span> <span class="untranslated">{}</span>',
            text,
            gettext("(not yet translated)"),
        )
    return conditional_escape(text)


@register.filter
def isolated(text):
    """`text` in a `<bdi>`: a name in another script keeps its own direction inside a
    sentence (an English credit in an Arabic note) without reordering the sentence."""
    return format_html("<bdi>{}</bdi>", bilingual.without_bidi_controls(text))


@register.simple_tag
def lang_of(obj, name):
    """` lang="en" dir="ltr"` for an element holding `obj.name` when it shows the
    English for want of a translation."""
    if bilingual.missing_translation(obj, name):
        return format_html(' lang="{}" dir="ltr"', "en")
    return ""


@register.simple_tag
def untranslated(obj, name):
    """The discreet "not yet translated" note after a block of English (see `lang_of`)."""
    if bilingual.missing_translation(obj, name):
        return format_html('<p class="untranslated">{}</p>', gettext("(not yet translated)"))
    return ""


@register.simple_tag(takes_context=True)
def in_language(context, language):
    """This page's address in `language`, with its query string (filters, sort, page),
    unless the page refuses that query string (`without_query`)."""
    request = context["request"]
    path = request.path if context.get("without_query") else request.get_full_path()
    return translate_url(path, language)
