"""The event store: articles, canonical events, the mentions that support them, actors and places.

    from marsad.store import open_store, EventFilter
    store = open_store("sqlite:///marsad.db")      # or $MARSAD_DB, or any SQLAlchemy URL
    result = store.ingest(article, events)         # one transaction, cross-source deduplication
    page = store.events(EventFilter(country="IQ"), limit=50)
"""

from marsad.store.database import Store, open_store
from marsad.store.ingest import IngestResult
from marsad.store.query import EventFilter
from marsad.store.read import Page

__all__ = ["EventFilter", "IngestResult", "Page", "Store", "open_store"]
