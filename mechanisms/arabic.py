"""Arabic text for search and sorting: one preparation for what is indexed and what is
asked, and Snowball's Arabic stemmer where the database has none (SQLite).

A word is prepared by removing its diacritics (harakat, shadda, sukun, the dagger alef)
and tatweel, a leading "و" (or "و"/"ف" before the article), and the article itself
("ال", "بال", "كال", "لل"); by writing every alef form (أ إ آ ٱ) as ا and ى as ي; and by
treating a final ه as ة. A word written with or without vowels, with any alef, with or
without the article or a leading "و", is then the same word. The stemmer (PostgreSQL's
`arabic` configuration, or Snowball's in Python) then removes the remaining prefixes and
suffixes ("والهجرة", "الهجرة", "هجرة" → "هجر").
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
ARTICLE = re.compile("^(?:[وف]?(?:ال|بال|كال)|لل|و)(?=.{3,})")
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
WORD = re.compile(r"\w+")


def has_arabic(text):
    return bool(ARABIC_LETTER.search(text))


def prepare_word(word):
    word = ARTICLE.sub("", word).translate(LETTERS)
    return word[:-1] + "ة" if word.endswith("ه") else word


def prepared(text):
    """The Arabic words of `text`, prepared for matching, space-separated."""
    text = MARKS.sub("", unicodedata.normalize("NFC", text))
    return " ".join(prepare_word(word) for word in WORD.findall(text) if has_arabic(word))


@cache
def stemmer():
    return snowballstemmer.stemmer("arabic")


def stems(text):
    """The stems of the Arabic words of `text`, as SQLite matches them."""
    return " ".join(stem(word) for word in prepared(text).split())


@lru_cache(maxsize=50_000)
def stem(word):
    """One word's stem, remembered: the names of countries, goals and themes come back
    in every record's search text, and stemming a word costs about 0.1 ms."""
    return stemmer().stemWord(word)


def sort_key(text):
    """Arabic alphabetical order: the letters compared without marks and with one alef
    (the Arabic block follows the alphabet once the hamza forms are folded), then the
    text as written to break ties."""
    return (MARKS.sub("", text).translate(LETTERS), text)
