"""The small map of where a record works, for pages rendered by any app.

A template tag rather than a view's context: record pages are served by `mechanisms`,
which never imports `directory`; the project's templates may use both.
"""

from django import template

from directory.region_map import locator_map

register = template.Library()


@register.simple_tag
def region_locator(countries):
    """The region with `countries` (a Country, or several, already loaded) highlighted:
    `{% region_locator record.countries.all as locator %}`. Costs no query of its own."""
    if hasattr(countries, "iso_code"):
        countries = [countries]
    names = {country.iso_code: country.name for country in countries}
    return locator_map(names.keys(), names)
