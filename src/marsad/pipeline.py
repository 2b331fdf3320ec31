"""The data path: ingest → nlp → detect → resolve → assemble, over one Document per article.

Speed comes from doing little: a cheap prefilter rules out most sentences, the classifier reads the rest
without a parse, spaCy parses only the sentences that hold an event, and the place and actor resolvers run
only on articles that have an event at all.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from marsad._exceptions import InputError, MarsadError, UnsupportedLanguage
from marsad.assemble import assemble
from marsad.document import Detection, Document
from marsad.model import ActorMention, Article, Event, Toponym
from marsad.nlp import detect_language, split_sentences

MAX_ARTICLE_CHARS = int(os.environ.get("MARSAD_MAX_ARTICLE_CHARS", 1_000_000))

Stage = Callable[[Document], Document]


@dataclass
class Outcome:
    """One article's result in a batch: its events, or the error that stopped it."""

    article: Article
    events: list[Event]
    error: MarsadError | None = None


class Pipeline:
    """Runs the stages in order; each takes the Document and returns it (checked, like spaCy's E005)."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, Stage]] = [
            ("validate", validate),
            ("segment", segment),
            ("detect", detect),
            ("parse", parse),
            ("resolve", resolve),
            ("assemble", _assemble),
        ]

    def __call__(self, article: Article) -> Document:
        doc = Document(article)
        for name, stage in self.stages:
            result = stage(doc)
            if not isinstance(result, Document):
                raise TypeError(f"pipeline stage {name!r} returned {type(result).__name__}, not a Document")
            doc = result
            if name == "detect" and not doc.detections:
                break
        return doc

    def extract(self, article: Article) -> list[Event]:
        return self(article).events

    def extract_many(self, articles: Iterable[Article], n_process: int = 1) -> Iterator[Outcome]:
        """Extract a batch; a bad article yields an Outcome with its error and the batch goes on."""
        if n_process <= 1:
            for article in articles:
                yield _safe_extract(self, article)
            return
        warm_up()  # load models once, before forking, so workers share them copy-on-write
        context = multiprocessing.get_context("fork")
        with context.Pool(n_process) as pool:
            yield from pool.imap(_worker_extract, articles, chunksize=4)


def warm_up() -> None:
    """Load every lazy resource now (models, gazetteer, dictionaries) rather than on the first article."""
    from marsad.nlp import parser
    from marsad.resolve.actors import get_resolver as actors
    from marsad.resolve.places import get_resolver as places

    parser.load()
    places()
    actors()


_WORKER_PIPELINE: Pipeline | None = None


def _worker_extract(article: Article) -> Outcome:
    global _WORKER_PIPELINE
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = Pipeline()
    return _safe_extract(_WORKER_PIPELINE, article)


def _safe_extract(pipeline: Pipeline, article: Article) -> Outcome:
    try:
        return Outcome(article, pipeline.extract(article))
    except MarsadError as exc:
        return Outcome(article, [], exc)


# --- stages -----------------------------------------------------------------------------------------


def validate(doc: Document) -> Document:
    """Refuse what is not an English news text, with a message that names the input."""
    article = doc.article
    origin = article.origin or article.id or article.url
    text = article.text
    if not text or not text.strip():
        raise InputError("the article is empty", origin=origin)
    if "\x00" in text[:100000]:
        raise InputError("the article looks binary (it contains NUL bytes), not text", origin=origin)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"the article has {len(text):,} characters, more than the limit of {MAX_ARTICLE_CHARS:,}; "
            "split it into articles or raise MARSAD_MAX_ARTICLE_CHARS",
            origin=origin,
        )
    language = article.language or detect_language(text)
    if language != "en":
        name = language if language != "und" else "not recognised as English"
        raise UnsupportedLanguage(f"marsad reads English articles only; this one is {name}", origin=origin)
    article.language = "en"
    return doc


def segment(doc: Document) -> Document:
    doc.sentences = split_sentences(doc.text)
    return doc


def detect(doc: Document) -> Document:
    """Cheap prefilter on every sentence, then the classifier on the few that pass."""
    from marsad import detect as detector

    text = doc.text
    doc.candidates = [i for i, (s, e) in enumerate(doc.sentences) if detector.prefilter(text[s:e])]
    for i in doc.candidates:
        start, end = doc.sentences[i]
        for hit in detector.classify(text[start:end]):
            doc.detections.append(
                Detection(i, start + hit.start, start + hit.end, hit.event_type, hit.sub_event_type, hit.score)
            )
    return doc


def parse(doc: Document) -> Document:
    """spaCy over the sentences that hold an event only: the parse serves roles and place names there."""
    from marsad.nlp import parser

    wanted = sorted({d.sentence for d in doc.detections})
    if not wanted:
        return doc
    texts = [doc.text[doc.sentences[i][0] : doc.sentences[i][1]] for i in wanted]
    for i, parsed in zip(wanted, parser.load().pipe(texts, batch_size=64)):
        doc.parses[i] = parsed
    return doc


def resolve(doc: Document) -> Document:
    """Places and actors of the whole article (they need its context), then each mention's fields."""
    if not doc.detections:
        return doc
    from marsad.resolve.actors import get_resolver as actors
    from marsad.resolve.mentions import resolve_mentions
    from marsad.resolve.places import get_resolver as places
    from marsad.resolve.places.countries import country_code

    # Actor names depend on the date ("Taliban" before and after August 2021; regime years): the
    # publication date, else the first full date the article gives.
    found = actors().mentions(doc.text, when=doc.article.published or _first_date(doc.text))
    doc.actor_mentions = [m for m in found if not _apposition(doc.text, m, found) and not _speaker(doc.text, m)]
    named = [a for a in doc.actor_mentions if not a.actor.generic]
    resolver = places()
    doc.toponyms = [
        t for t in resolver.toponyms(doc.text, country_hint=country_code(doc.groups_country or ""),
                                     areas=_actors_areas(named), names=[(a.start, a.end) for a in named])
        if not _part_of_group_name(t, named) and not _qualifies_people(doc.text, t, doc.actor_mentions)
    ]
    from marsad.resolve.places.spelling import regions_by_spelling

    doc.toponyms = sorted(doc.toponyms + regions_by_spelling(resolver.gazetteer, doc.text, doc.toponyms),
                          key=lambda t: t.start)  # fmt: skip
    doc.sublocations = resolver.sublocations(doc.text)
    resolve_mentions(doc)
    return doc


def _apposition(text: str, mention: ActorMention, mentions: list[ActorMention]) -> bool:
    """'Saraya al-Salam, an armed group associated with...': the generic words describe the named group
    before them; they are not a second actor."""
    if not mention.actor.generic:
        return False
    for named in mentions:
        if not named.actor.generic and named.end <= mention.start:
            gap = text[named.end : mention.start].lower()
            if len(gap) <= 8 and gap.strip() in (", a", ", an", ", the", "(a", "(an", ", a local", ", a rival"):
                return True
    return False


# "the Houthi-run health ministry said": the group only qualifies the speaker.
_ATTRIBUTION_AFTER = re.compile(
    r"(?:-(?:run|led|controlled|backed|affiliated)(?:\s+[a-z]+){1,3})?"
    r"\s*(?:sources?\s+|officials?\s+|spokes(?:man|person|woman)\s+)?"
    r"(?:said|say|says|told|reported|confirmed|stated|added)\b"
)
# ", the Kurdistan Region's counter-terrorism service said": a possessive may qualify the speaker
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:,|;|\baccording to)\s*(?:an?|the)?\s*(?:(?:[\w-]+\s+){0,2}[\w-]+['’]s\s+)?(?:local\s+|senior\s+)?$", re.I
)


_OWN_ACTION = re.compile(
    r"(?:\s+on\s+\w+)?\s+(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+(?:had\s+|have\s+)?\w+ed\b"
)

_REPORTS_THAT = re.compile(
    r"(?:\s+in\s+[A-Z][\w-]+)?\s+(?:said|say|says|announced|reported|confirmed|stated)"
    r"(?:\s+on\s+\w+)?\s+that\s+(?:the|a|an|at least|\d)"
)


# "The UN mission in Congo condemned Sunday's massacre": who reacts to an event is not a party to it.
_REACTS = re.compile(r"(?:\s+in\s+[A-Z][\w-]+)?\s+(?:strongly\s+)?(?:condemned|denounced|deplored|decried|mourned)\b")


def _speaker(text: str, mention: ActorMention) -> bool:
    """', police said.', 'according to the army', 'Police in X said that the death toll...': who
    reports an event is not a party to it."""
    if _REPORTS_THAT.match(text, mention.end) or _REACTS.match(text, mention.end):
        return True
    after = _ATTRIBUTION_AFTER.match(text, mention.end)
    if after and _OWN_ACTION.match(text, after.end()):
        return False  # "the army said it killed five fighters": the speaker tells what it did itself
    before = _ATTRIBUTION_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    if before and "according to" in before.group().lower():
        return True
    return bool(after and before)


def _first_date(text: str) -> date | None:
    from marsad.resolve.dates import find_dates

    found = [d for d in find_dates(text, None, end=min(len(text), 2000)) if d.explicit]
    return found[0].value if found else None


def _actors_areas(named: list[ActorMention]) -> list[tuple[str, str]]:
    """Where the named groups operate (the dictionary's ``areas``): "the OSCE SMM observed explosions near
    Lozove" means the Lozove in the Donbas, not its namesake in Crimea."""
    from marsad.resolve.actors import get_resolver as actors

    dictionary = actors().dictionary
    return [area for m in named for area in dictionary.areas(m.actor.name)]


def _qualifies_people(text: str, toponym: Toponym, mentions: list[ActorMention]) -> bool:
    """'Hausa traders demonstrated in Abraka': a name the actor dictionary reads as a people, just before
    another actor, says who they are, not where (Haouza in Western Sahara is also "Hausa")."""
    for m in mentions:
        if m.actor.generic and (m.start, m.end) == (toponym.start, toponym.end):
            return any(o.start == m.end + 1 and text[m.end] == " " for o in mentions)
    return False


def _part_of_group_name(toponym: Toponym, named: list[ActorMention]) -> bool:
    """Words of a named group's name are not places: inside the name ("Saraya al-Salam"), and alone
    later ("the Saraya's headquarters") when they resolve outside the group's country. A body named after
    its town ("Toungo Local Government Council", no country in the dictionary) leaves the town a place."""
    if any(a.start <= toponym.start and toponym.end <= a.end for a in named):
        return True
    word = toponym.text.lower()
    for mention in named:
        first = mention.actor.name.split()[0].lower() if mention.actor.name else ""
        if (word == first and toponym.place is not None and mention.actor.country is not None
                and toponym.place.country != mention.actor.country):  # fmt: skip
            return True
    return False


def _assemble(doc: Document) -> Document:
    if doc.mentions:
        assemble(doc)
    return doc


# --- the public function ----------------------------------------------------------------------------

_DEFAULT: Pipeline | None = None


def extract(
    text_or_article: str | Article, published: date | str | None = None, source: str | None = None
) -> list[Event]:
    """Events in one article: `marsad.extract("On 3 May 2024, gunmen ...", published="2024-05-04")`."""
    global _DEFAULT
    if isinstance(text_or_article, Article):
        article = text_or_article
        if published is not None and article.published is None:
            article.published = _as_date(published)
        if source is not None and article.source is None:
            article.source = source
    elif isinstance(text_or_article, str):
        article = Article(text=text_or_article, published=_as_date(published), source=source)
    else:
        raise InputError(f"extract() takes a str or an Article, not {type(text_or_article).__name__}")
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(article)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from exc
