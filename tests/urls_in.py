"""A page's path in one language, whatever language the test runs in."""

from django.urls import reverse
from django.utils import translation


def arabic(name, *args):
    with translation.override("ar"):
        return reverse(name, args=args)


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)
