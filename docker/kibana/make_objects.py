"""Writes docker/kibana/outagewatch.ndjson: Kibana saved objects for outagewatch's indices.

Generated, not hand-written, so the field names come from the Elasticsearch store's own
mapping (outagewatch/search/es_mapping.py) and cannot drift from it; a test checks the
committed file equals this script's output. Run: python docker/kibana/make_objects.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from outagewatch.search import es_mapping as m

NAMES = m.IndexNames(m.DEFAULT_PREFIX)
SIGNALS_VIEW = "outagewatch-signals"
INCIDENTS_VIEW = "outagewatch-incidents"
OUT = Path(__file__).with_name("outagewatch.ndjson")
MIGRATION = {"coreMigrationVersion": "8.8.0"}


def data_view(view_id: str, title: str, name: str, time_field: str) -> dict:
    return {"type": "index-pattern", "id": view_id, "attributes": {"title": title, "name": name,
            "timeFieldName": time_field}, "references": [], **MIGRATION, "typeMigrationVersion": "8.0.0"}


def _terms(label: str, field: str, size: int, order_by: str) -> dict:
    return {"label": label, "dataType": "string", "operationType": "terms", "sourceField": field,
            "isBucketed": True, "scale": "ordinal",
            "params": {"size": size, "orderBy": {"type": "column", "columnId": order_by}, "orderDirection": "desc",
                       "otherBucket": True, "missingBucket": False}}


def _date(field: str) -> dict:
    return {"label": field, "dataType": "date", "operationType": "date_histogram", "sourceField": field,
            "isBucketed": True, "scale": "interval", "params": {"interval": "auto", "includeEmptyRows": True}}


def _count(label: str) -> dict:
    return {"label": label, "dataType": "number", "operationType": "count", "sourceField": "___records___",
            "isBucketed": False, "scale": "ratio", "customLabel": True}


def lens(lens_id: str, title: str, view_id: str, columns: dict, visualization: dict, description: str) -> dict:
    layer = {"columnOrder": list(columns), "columns": columns, "incompleteColumns": {}}
    return {"type": "lens", "id": lens_id, **MIGRATION, "typeMigrationVersion": "8.9.0",
            "attributes": {"title": title, "description": description, "visualizationType": visualization.pop("type"),
                           "state": {"datasourceStates": {"formBased": {"layers": {"layer1": layer}}},
                                     "visualization": visualization, "query": {"query": "", "language": "kuery"},
                                     "filters": [], "adHocDataViews": {}, "internalReferences": []}},
            "references": [{"type": "index-pattern", "id": view_id, "name": "indexpattern-datasource-layer-layer1"}]}


def xy(series_type: str, x: str, y: str, split: str | None = None) -> dict:
    layer = {"layerId": "layer1", "layerType": "data", "seriesType": series_type, "xAccessor": x, "accessors": [y]}
    if split:
        layer["splitAccessor"] = split
    return {"type": "lnsXY", "preferredSeriesType": series_type, "legend": {"isVisible": True, "position": "right"},
            "valueLabels": "hide", "layers": [layer]}


def objects() -> list[dict]:
    kind, ts = m.FIELD_OF["source_kind"], m.TIMESTAMP
    service, region = m.FIELD_OF["services"], m.FIELD_OF["regions"]
    visualisations = [
        lens("outagewatch-signals-over-time", "Signals over time by source kind", SIGNALS_VIEW,
             {"kind": _terms("Source kind", kind, 5, "count"), "time": _date(ts), "count": _count("Signals")},
             xy("bar_stacked", "time", "count", "kind"),
             "Chatter, user reports, status posts and news per interval: a spike is an incident forming."),
        lens("outagewatch-top-services", "Top services", SIGNALS_VIEW,
             {"service": _terms("Service", service, 15, "count"), "count": _count("Signals")},
             xy("bar_horizontal", "service", "count"), "The services the most signals speak of."),
        lens("outagewatch-top-regions", "Top regions", SIGNALS_VIEW,
             {"region": _terms("Region", region, 15, "count"), "count": _count("Signals")},
             xy("bar_horizontal", "region", "count"), "The provider regions and places the most signals name."),
        lens("outagewatch-incidents-over-time", "Incidents", INCIDENTS_VIEW,
             {"time": _date("started_at"), "count": _count("Incidents")},
             xy("bar", "time", "count"), "Incidents found by correlation, by the time they started."),
    ]
    grid = [(0, 0, 48, 14), (0, 14, 24, 15), (24, 14, 24, 15), (0, 29, 48, 12)]
    panels, references = [], []
    for index, (vis, (x, y, w, h)) in enumerate(zip(visualisations, grid)):
        panel = str(index + 1)
        panels.append({"type": "lens", "panelIndex": panel, "gridData": {"x": x, "y": y, "w": w, "h": h, "i": panel},
                       "embeddableConfig": {"enhancements": {}}, "panelRefName": f"panel_{panel}"})
        references.append({"type": "lens", "id": vis["id"], "name": f"{panel}:panel_{panel}"})
    dashboard = {"type": "dashboard", "id": "outagewatch-overview", **MIGRATION, "typeMigrationVersion": "10.2.0",
                 "attributes": {"title": "outagewatch: outage chatter overview",
                                "description": "Signals by source kind over time, top services and regions, incidents.",
                                "panelsJSON": json.dumps(panels, separators=(",", ":")),
                                "optionsJSON": json.dumps({"useMargins": True, "syncColors": True, "hidePanelTitles": False}),
                                "timeRestore": False,
                                "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                                    {"query": {"query": "", "language": "kuery"}, "filter": []})}},
                 "references": references}
    return [data_view(SIGNALS_VIEW, NAMES.signals, "outagewatch signals", ts),
            data_view(INCIDENTS_VIEW, NAMES.incidents, "outagewatch incidents", "started_at"),
            *visualisations, dashboard]


def render() -> str:
    return "".join(json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n" for obj in objects())


if __name__ == "__main__":
    OUT.write_text(render(), "utf-8")
    print(f"wrote {OUT} ({len(objects())} objects)", file=sys.stderr)
