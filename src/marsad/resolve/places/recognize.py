"""Find place names in text: n-gram lookups over tokens, guided by capitalisation and word frequency.

Why not a parser: the whole article must be scanned faster than spaCy's small pipeline would tag it.
A dictionary lookup per capitalised n-gram costs microseconds; the cues that a tagger would use
(capitals, sentence starts, common English words, the NER spans the core already has) are applied here
directly. Lower-cased text (some corpora) falls back to frequency cues alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.resolve.places.countries import table as country_table
from marsad.resolve.places.gazetteer import Gazetteer
from marsad.resolve.places.lexicon import Lexicon
from marsad.resolve.places.names import canon, region_key

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w]|['’\-](?=[^\W\d_]))*")
ABBREV = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "D.C.": the final dot does not end a sentence
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "al", "of", "on", "upon", "the", "da", "do", "dos",
                        "das", "di", "du", "le", "les", "y", "sur", "am", "an", "im", "ul", "ud", "bin", "ibn",
                        "bani", "abu", "en", "au", "aux", "and"})  # fmt: skip
NAME_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "al", "da", "do", "dos", "das", "di", "du",
                             "le", "les", "bin", "ibn", "bani", "abu", "ul", "ud", "y", "sur", "i", "e"})  # fmt: skip
# Arabic place-name heads after which a transliterated article joins the name ("Tal al-Hawa", "Ras an-Naqb")
ARABIC_HEADS = frozenset({"bir", "tal", "tell", "tall", "ain", "ayn", "ras", "wadi", "jabal", "jebel", "khan", "deir",
                          "dayr", "kafr", "beit", "bayt", "umm", "abu", "qasr", "qala", "qalat", "suq", "souq", "bab",
                          "hay", "hayy", "marj", "sidi", "dar", "dhi", "dhu", "mashru", "ard", "sahl",
                          "nahr"})  # fmt: skip
ARTICLES = frozenset({"at", "ash", "as", "ad", "an", "ar", "az", "al", "el", "ath", "adh"})
MAX_N = 6
PROMINENT_POP = 100_000


@dataclass
class Token:
    start: int
    end: int
    text: str
    low: str
    cap: bool
    initial: bool  # first word of a sentence (its capital says nothing)


@dataclass
class Candidate:
    """A span that names a place (or a nationality) and the gazetteer ids it may denote."""

    start: int
    end: int
    text: str
    key: str
    ids: tuple[int, ...]
    first: int  # token index range [first, last)
    last: int
    demonym: str | None = None  # alpha-2 when the span is a nationality word
    forced: bool = False  # an NER span said it is a place
    flags: set[str] = field(default_factory=set)


@lru_cache(maxsize=1)
def adjectives() -> dict[str, str]:
    """Folded nationality or regional adjective -> alpha-2 code or region name ("European" -> "Europe")."""
    from marsad.resolve.places.build import region_adjectives

    out = dict(region_adjectives())
    out.update(country_table().demonyms)
    return out


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            word, e = word[:-2], e - 2  # possessive: "Iraq's" is "Iraq"
        j = s - 1
        while j >= 0 and text[j] in " \t\"'“‘(«[-–—":
            j -= 1
        initial = j < 0 or text[j] in ".!?:\n;•|" or (text[j] == "\r")
        if initial and j >= 0 and text[j] == "." and out and out[-1].end == j + 1 and ABBREV.match(out[-1].text):
            initial = False
        first = word[0]
        cap = first.isupper() or ("\u0600" <= first <= "\u06ff")
        if not cap and len(word) > 3 and word[:3].lower() in ("al-", "el-", "ad-", "as-", "ar-", "an-", "az-"):
            cap = word[3:4].isupper()
        out.append(Token(s, e, word, word.lower(), cap, initial))
    return out


def is_lowercase_text(tokens: list[Token]) -> bool:
    """True for texts without capitalisation cues (all lower case, or nearly)."""
    mid = [t for t in tokens if not t.initial]
    if len(mid) < 20:
        return not any(t.cap for t in tokens)
    return sum(t.cap for t in mid) < 0.01 * len(mid)


def _prominent(gaz: Gazetteer, ids: tuple[int, ...]) -> bool:
    kind, pop = gaz.cols["kind"], gaz.cols["pop"]
    return any(kind[i] in ("country", "admin1", "continent", "overlay") or pop[i] >= PROMINENT_POP for i in ids[:5])


def _accept_single(gaz: Gazetteer, lex: Lexicon, tok: Token, ids: tuple[int, ...], lower_text: bool,
                   lower_seen: set[str], bracketed: bool = False, settled: bool = False) -> bool:  # fmt: skip
    """Whether one word is a place here, judged by how common it is as an ordinary English word.

    ``bracketed``: the word closes a parenthesis ("Pratapgarh (UP)"), where an acronym that spells an
    ordinary word ("UP") is the region. ``settled``: a settlement word and a container follow ("Man town
    (Tonkpi, Montagnes)"): the word is the town's name however common it is."""
    word = tok.low
    tok_key = canon(tok.text)
    acronym = len(tok.text) <= 4 and tok.text.isupper() and len(tok.text) > 1
    if (word in lex.stop_words and not any(gaz.cols["kind"][i] == "country" for i in ids[:3])
            and not (acronym and bracketed)):  # fmt: skip
        return False
    if acronym or ABBREV.match(tok.text):
        # acronyms: only those the gazetteer lists for a country or a region ("US", "UK", "DRC", "EU")
        kinds = gaz.cols["kind"]
        return any(kinds[i] in ("country", "region", "admin1") for i in ids[:3])
    if len(word) < 3 and not tok.text.isupper():
        return False
    if len(word) <= 4 and any(ch.isupper() for ch in tok.text[1:]):
        return False  # mixed-case abbreviations ("LoC", "UoB") are not place names
    if settled and tok.cap and not lower_text:
        return True
    zipf = lex.common.get(word, 0.0)
    prominent = _prominent(gaz, ids)
    if lower_text:  # no capitals to go by: a place's own name only, and rarely an ordinary word
        kinds, names = gaz.cols["kind"], gaz.cols["name"]
        if any(kinds[i] == "country" for i in ids[:3]):
            return zipf < 5.5
        if not any(canon(names[i]) == tok_key or region_key(names[i]) == tok_key for i in ids[:5]):
            return False  # "babri", "pujan": alternate spellings of far-away places
        return zipf < 3.0 or (prominent and zipf < 4.0)
    if word in lower_seen and (not prominent or zipf >= 4.0):
        return False  # the same word appears in lower case in this text: an ordinary word
    if tok.initial:  # a capital that says nothing: only names rarely written in lower case
        return zipf < 3.0 or (prominent and zipf < 5.5)
    if zipf >= 4.0:
        return prominent and zipf < 5.5
    if zipf >= 3.0:
        return prominent or max((gaz.cols["pop"][i] for i in ids[:5]), default=0) >= 1000
    return True


_TOWN_OF = re.compile(r"\s+(?:town|village|city)\s*(?:\(|,\s*[A-Z])")  # "Man town (Tonkpi", "Bar village, Y"
_AFTER_NAME = re.compile(r"[A-Z][\w'’-]*\s*[(,]\s*$")  # "Pratapgarh (", "(Kotwali, "


def find(text: str, gaz: Gazetteer, lex: Lexicon, tokens: list[Token] | None = None,
         forced: list[tuple[int, int]] = ()) -> list[Candidate]:  # fmt: skip
    """Longest gazetteer matches, left to right, plus nationality words."""
    tokens = tokens if tokens is not None else tokenize(text)
    lower_text = is_lowercase_text(tokens)
    lower_seen = {t.low for t in tokens if not t.cap}
    forced_starts = {s: e for s, e in forced}
    demonyms = adjectives()
    keys = [canon(t.text) for t in tokens]  # per-token keys, joined for n-grams (cheaper than canon(span))
    max_n = 4 if lower_text else MAX_N
    out: list[Candidate] = []
    i, n_tok = 0, len(tokens)
    while i < n_tok:
        tok = tokens[i]
        force_end = forced_starts.get(tok.start)
        if not (tok.cap or lower_text or force_end):
            i += 1
            continue
        best: Candidate | None = None
        last_ok = i
        for j in range(i, min(n_tok, i + max_n)):
            if j > i:
                gap = text[tokens[j - 1].end : tokens[j].start]
                if gap.strip(" -&") or "\n" in gap or gap.count("&") > 1:
                    break  # an ampersand joins "J&K", "Trinidad & Tobago"
                if not (tokens[j].cap or lower_text or tokens[j].low in CONNECTORS):
                    break
            if not (tokens[j].cap or lower_text):
                continue  # a connector cannot end a name
            last_ok = j
            span = text[tok.start : tokens[j].end]
            key = keys[i] if j == i else canon(span) if "&" in span else _join_keys(keys, i, j)
            ids = gaz.ids(key)
            dem = demonyms.get(key) if tokens[j].cap or lower_text else None
            if ids or dem:
                best = Candidate(tok.start, tokens[j].end, span, key, ids, i, j + 1, demonym=dem)
        del last_ok
        if best is not None and best.last - best.first == 1 and not best.demonym:
            bracketed = text[tok.end : tok.end + 1] == ")" and bool(
                _AFTER_NAME.search(text, max(0, tok.start - 40), tok.start))
            settled = bool(_TOWN_OF.match(text, tok.end))
            if not (force_end or _accept_single(gaz, lex, tok, best.ids, lower_text, lower_seen, bracketed, settled)):
                best = None
        if best is not None and lower_text and best.last - best.first > 1:
            # "the city", "as part": ordinary words that happen to spell a place's alternate name
            words = [t.low for t in tokens[best.first : best.last]]
            admin = any(gaz.cols["kind"][k] in ("country", "admin1", "region") for k in best.ids[:3])
            if not admin and all(lex.common.get(w, 0.0) >= 4.0 or w in CONNECTORS for w in words):
                best = None
            elif words[0] in lex.stop_words:
                best = None  # "at godhra": the name starts after the preposition
        if best is not None and best.demonym and best.ids and tok.initial and lex.common.get(tok.low, 0) > 5:
            best = None
        if best is None and "-" in tok.text and tok.cap:
            after = tokens[i + 1].low if i + 1 < n_tok else ""
            best = _hyphen_head(tok, i, gaz, lex.sub_after.get(after))  # "Baghdad-Karkh" is a part of Baghdad
        if best is not None and not lower_text and not best.demonym and not force_end and "part" not in best.flags:
            best = _whole_name(text, tokens, best, lex, gaz)
        if best is not None:
            best.forced = bool(force_end)
            out.append(best)
            i = best.last
        else:
            i += 1
    return out


def _whole_name(text: str, tokens: list[Token], c: Candidate, lex: Lexicon, gaz: Gazetteer) -> Candidate:
    """A match inside a longer capitalised name ("Ghraib" in "Abu Ghraib") stands for that longer name.

    The longer name is then a place the gazetteer lacks: it is kept as an unknown candidate (its span,
    no ids) so that it falls back to its container instead of resolving to the wrong "Salim".
    """
    first, last = c.first, c.last
    while first > 0 and _joined(text, tokens[first - 1], tokens[first]):
        prev = tokens[first - 1]
        ordinary = prev.initial and lex.common.get(prev.low, 0.0) >= 3.0
        if prev.text[0].isupper() and not ordinary and prev.low not in lex.stop_words:
            first -= 1
        elif prev.low in ("abu", "bin", "ibn", "bani", "al", "el", "umm", "beit", "bir", "ain", "ayn", "tel", "tal"):
            first -= 1
        else:
            break
        if prev.initial:
            break
    while last < len(tokens) and _joined(text, tokens[last - 1], tokens[last]):
        nxt = tokens[last]
        low = nxt.low
        if low in lex.org_words or low in lex.region_words or low in lex.settlement_words or low in lex.sub_after:
            break
        if nxt.text[0].isupper() and low not in lex.stop_words:
            last += 1
        elif ((low in NAME_CONNECTORS or (low in ARTICLES and tokens[last - 1].low in ARABIC_HEADS))
              and last + 1 < len(tokens) and tokens[last + 1].cap
              and tokens[last + 1].low not in lex.stop_words):  # fmt: skip
            last += 1
        else:
            break
    if first == c.first and last == c.last:
        return c
    if first == c.first and _site_of(text, tokens, c, last, lex, gaz):
        c.flags.add("part")
        return c
    if any(tokens[k].low in lex.org_words for k in range(last, min(last + 1, len(tokens)))):
        return c
    start, end = tokens[first].start, tokens[last - 1].end
    span = text[start:end]
    out = Candidate(start, end, span, canon(span), (), first, last)
    out.flags.add("unknown")
    return out


def _site_of(text: str, tokens: list[Token], c: Candidate, last: int, lex: Lexicon, gaz: Gazetteer) -> bool:
    """A prominent town heading a site's name ("Donetsk Filtration Station") or a hyphenated quarter
    ("Donetsk-Kirovskyi"): the site lies at that town."""
    kinds, pops = gaz.cols["kind"], gaz.cols["pop"]
    if not any(kinds[i] == "city" and pops[i] >= PROMINENT_POP for i in c.ids[:3]):
        return False
    hyphen = text[tokens[c.last - 1].end : tokens[c.last].start] == "-" and last == c.last + 1
    site = last < len(tokens) and _joined(text, tokens[last - 1], tokens[last]) and tokens[last].low in lex.sub_after
    return hyphen or site


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return gap in (" ", "-", "'", "’")


_ARTICLE_KEYS = frozenset({"al", "el", "ad", "ed", "ash", "as", "ath", "adh", "az", "ar", "an", "at", "ul", "ud"})


def _join_keys(keys: list[str], i: int, j: int) -> str:
    """canon() of tokens i..j, built from the per-token keys (articles before a word are dropped)."""
    parts = [k for n, k in enumerate(keys[i : j + 1]) if k and not (k in _ARTICLE_KEYS and i + n < j)]
    return " ".join(parts)


def _hyphen_head(tok: Token, i: int, gaz: Gazetteer, after: str | None = None) -> Candidate | None:
    """The town before the hyphen of an unknown "Town-District" name, when that town is prominent (it may
    share its name with its region: "Belgrade-Stari Grad"). "Dhaka-Sylhet highway" is a road between two."""
    head, tail = tok.text.split("-", 1)
    if len(head) < 3 or not tail[:1].isupper() or after in ("street", "bridge"):
        return None  # "Nawa-e Barakzayi": a suffix, not a quarter's name
    ids = gaz.ids(canon(head))
    kinds, pops = gaz.cols["kind"], gaz.cols["pop"]
    if not any(kinds[i] == "city" and pops[i] >= PROMINENT_POP for i in ids[:3]):
        return None  # "Nord-Est" is not a part of a town called "Nord"
    cand = Candidate(tok.start, tok.start + len(head), head, canon(head), ids, i, i + 1)
    cand.flags.add("part")
    return cand


# "(Baydhaba, Bay)", "(Bassa LGA, Plateau)": the last item of a parenthesised chain is a region
_REGION_SLOT = re.compile(r"\([^()]{2,60},\s*(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s*\)")


def region_slots(text: str, tokens: list[Token], cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Region names that are also ordinary words ("Bay", "Plateau", "Northern"), accepted where a chain of
    containers ends: only their admin1 readings, and only in that slot (elsewhere the word is a word)."""
    taken = [(c.start, c.end) for c in cands]
    starts = {t.start: n for n, t in enumerate(tokens)}
    out = []
    for m in _REGION_SLOT.finditer(text):
        s, e = m.span("name")
        if s not in starts or any(a < e and s < b for a, b in taken):
            continue
        ids = tuple(i for i in gaz.ids(canon(m.group("name"))) if gaz.cols["kind"][i] == "admin1")
        if ids:
            first = starts[s]
            last = next((n for n in range(first, len(tokens)) if tokens[n].end >= e), first) + 1
            out.append(Candidate(s, e, m.group("name"), canon(m.group("name")), ids, first, last))
    return out
