"""Template helpers of the public pages: contacts and search hits."""

import re

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

SNIPPET_WIDTH = 90
MAX_WORDS = 12


@register.filter
def email_hex(address):
    """The address as hexadecimal UTF-8, which static/js/site.js turns back into a link."""
    return address.encode().hex()


@register.simple_tag
def list_url(url_name, **filters):
    """A list's URL with filters in its query string, encoded (`{% list_url "search"
    country="EG" %}`): links into filtered lists without building strings by hand."""
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        query[name] = str(value)
    return f"{reverse(url_name)}?{query.urlencode()}"


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
    words = [word for word in re.findall(r"\w+", query.lower()) if len(word) > 1]
    patterns = []
    for word in words[:MAX_WORDS]:
        stem = word if len(word) <= 4 else word[: max(4, len(word) - 3)]
        patterns.append(rf"\b{re.escape(stem)}\w*")
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def marked(text, pattern):
    """`text` escaped, with each match of `pattern` in <mark>."""
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces += [escape(text[position : match.start()]), f"<mark>{escape(match[0])}</mark>"]
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped above


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
