"""The download and feed links of a list page, found from the page's own URL name."""

from django import template

register = template.Library()


@register.filter
def list_sibling(view_name, suffix):
    """ "mechanisms:mechanism-list" with "export" → "mechanisms:mechanism-export";
    "search" → "search-export"."""
    return f"{view_name.removesuffix('-list')}-{suffix}"
