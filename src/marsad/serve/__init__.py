"""marsad's HTTP side: a JSON API and a dashboard over the event store, the same data as HTML and JSON.

    from marsad.serve import create_app
    app = create_app(store)          # any object with the Store API; default: open_store($MARSAD_DB)

``marsad serve`` runs it under uvicorn; ``python -m marsad.serve.assets`` installs the dashboard's
JavaScript from npm (no CDN at run time).
"""

from marsad.serve.app import create_app

__all__ = ["create_app"]
