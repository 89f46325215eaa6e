"""outagewatch: outage chatter in, incidents and their likely common cause out.

The public surface is small on purpose: the record shape (:class:`Signal`), the store
factory (:func:`open_store`) and the catalog (:func:`load_catalog`). Everything else is
reached through the CLI, the HTTP API, or the subpackages' own entry points.
"""

from outagewatch.signal import Signal, SignalError, signal_id

__version__ = "0.1.0"

__all__ = ["Signal", "SignalError", "signal_id", "open_store", "load_catalog", "__version__"]


def open_store(url: str | None = None, **kwargs):
    """Open the store named by a URL (``sqlite:///file.db`` or ``http(s)://host:9200``)."""
    from outagewatch.search import open_store as _open

    return _open(url, **kwargs)


def load_catalog():
    """The bundled catalog of providers, regions and services (cached)."""
    from outagewatch.catalog import load_catalog as _load

    return _load()
