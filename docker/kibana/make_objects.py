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


def options_list(control_id: str, title: str, field: str, view_id: str, order: int) -> tuple[dict, dict]:
    """One options-list control of a dashboard's control group, and its data view reference."""
    panel = {"order": order, "width": "medium", "grow": True, "type": "optionsListControl",
             "explicitInput": {"id": control_id, "fieldName": field, "title": title, "dataViewId": view_id,
                               "searchTechnique": "prefix", "selectedOptions": [], "enhancements": {}}}
    reference = {"type": "index-pattern", "id": view_id, "name": f"controlGroup_{control_id}:optionsListDataView"}
    return panel, reference


def saved_search(search_id: str, title: str, view_id: str, columns: list[str], sort: list[list[str]],
                 description: str) -> dict:
    source = {"query": {"query": "", "language": "kuery"}, "filter": [],
              "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}
    return {"type": "search", "id": search_id, **MIGRATION, "typeMigrationVersion": "10.5.0",
            "attributes": {"title": title, "description": description, "columns": columns, "sort": sort,
                           "grid": {}, "hideChart": False, "isTextBasedQuery": False,
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source, separators=(",", ":"))}},
            "references": [{"type": "index-pattern", "id": view_id,
                            "name": "kibanaSavedObjectMeta.searchSourceJSON.index"}]}


def dashboard(dashboard_id: str, title: str, description: str, panels_in: list[tuple[dict, tuple]],
              controls: list[tuple[str, str, str, str]]) -> dict:
    panels, references = [], []
    for index, (obj, (x, y, w, h)) in enumerate(panels_in):
        panel = str(index + 1)
        panels.append({"type": obj["type"], "panelIndex": panel, "gridData": {"x": x, "y": y, "w": w, "h": h, "i": panel},
                       "embeddableConfig": {"enhancements": {}}, "panelRefName": f"panel_{panel}"})
        references.append({"type": obj["type"], "id": obj["id"], "name": f"{panel}:panel_{panel}"})
    control_panels = {}
    for order, (control_id, label, field, view_id) in enumerate(controls):
        control_panels[control_id], reference = options_list(control_id, label, field, view_id, order)
        references.append(reference)
    return {"type": "dashboard", "id": dashboard_id, **MIGRATION, "typeMigrationVersion": "10.2.0",
            "attributes": {"title": title, "description": description,
                           "panelsJSON": json.dumps(panels, separators=(",", ":")),
                           "optionsJSON": json.dumps({"useMargins": True, "syncColors": True, "hidePanelTitles": False}),
                           "controlGroupInput": {
                               "controlStyle": "oneLine", "chainingSystem": "HIERARCHICAL",
                               "panelsJSON": json.dumps(control_panels, separators=(",", ":")),
                               "ignoreParentSettingsJSON": json.dumps({
                                   "ignoreFilters": False, "ignoreQuery": False, "ignoreTimerange": False,
                                   "ignoreValidations": False})},
                           "timeRestore": False,
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                               {"query": {"query": "", "language": "kuery"}, "filter": []})}},
            "references": references}


def objects() -> list[dict]:
    kind, ts = m.FIELD_OF["source_kind"], m.TIMESTAMP
    service, region, provider = m.FIELD_OF["services"], m.FIELD_OF["regions"], m.FIELD_OF["providers"]
    over_time = lens("outagewatch-signals-over-time", "Signals over time by source kind", SIGNALS_VIEW,
                     {"kind": _terms("Source kind", kind, 5, "count"), "time": _date(ts), "count": _count("Signals")},
                     xy("bar_stacked", "time", "count", "kind"),
                     "Chatter, user reports, status posts and news per interval: a spike is an incident forming.")
    top_services = lens("outagewatch-top-services", "Top services", SIGNALS_VIEW,
                        {"service": _terms("Service", service, 15, "count"), "count": _count("Signals")},
                        xy("bar_horizontal", "service", "count"), "The services the most signals speak of.")
    top_regions = lens("outagewatch-top-regions", "Top regions", SIGNALS_VIEW,
                       {"region": _terms("Region", region, 15, "count"), "count": _count("Signals")},
                       xy("bar_horizontal", "region", "count"), "The provider regions and places the most signals name.")
    incidents_over_time = lens("outagewatch-incidents-over-time", "Incidents", INCIDENTS_VIEW,
                               {"evidence": _terms("Evidence", "evidence_level", 3, "count"),
                                "time": _date("started_at"), "count": _count("Incidents")},
                               xy("bar_stacked", "time", "count", "evidence"),
                               "Incidents found by correlation, by the time they started and their evidence level.")
    by_cause = lens("outagewatch-incidents-by-cause", "Incidents by likely cause", INCIDENTS_VIEW,
                    {"cause": _terms("Likely cause", "cause.service", 15, "count"),
                     "evidence": _terms("Evidence", "evidence_level", 3, "count"), "count": _count("Incidents")},
                    xy("bar_horizontal_stacked", "cause", "count", "evidence"),
                    "The service most likely at the root of each incident, by evidence level.")
    incident_list = saved_search(
        "outagewatch-incident-list", "outagewatch incidents", INCIDENTS_VIEW,
        ["title", "evidence_level", "status", "cause.service", "cause.region", "lead_minutes", "signal_count"],
        [["started_at", "desc"]], "Every incident: title, evidence, likely cause and lead over the official status.")
    overview = dashboard(
        "outagewatch-overview", "outagewatch: outage chatter overview",
        "Signals by source kind over time, top services and regions, incidents; filter by provider, region, service.",
        [(over_time, (0, 0, 48, 14)), (top_services, (0, 14, 24, 15)), (top_regions, (24, 14, 24, 15)),
         (incidents_over_time, (0, 29, 48, 12))],
        [("provider", "Provider", provider, SIGNALS_VIEW), ("region", "Region", region, SIGNALS_VIEW),
         ("service", "Service", service, SIGNALS_VIEW)])
    incidents = dashboard(
        "outagewatch-incidents", "outagewatch: incidents",
        "Incidents over time, by likely cause and evidence, and the list; filter by provider, region, service, cause.",
        [(incidents_over_time, (0, 0, 24, 14)), (by_cause, (24, 0, 24, 14)), (incident_list, (0, 14, 48, 20))],
        [("incident-provider", "Provider", "providers", INCIDENTS_VIEW),
         ("incident-region", "Region", "regions", INCIDENTS_VIEW),
         ("incident-service", "Service", "services", INCIDENTS_VIEW),
         ("incident-cause", "Likely cause", "cause.service", INCIDENTS_VIEW),
         ("incident-evidence", "Evidence", "evidence_level", INCIDENTS_VIEW)])
    return [data_view(SIGNALS_VIEW, NAMES.signals, "outagewatch signals", ts),
            data_view(INCIDENTS_VIEW, NAMES.incidents, "outagewatch incidents", "started_at"),
            over_time, top_services, top_regions, incidents_over_time, by_cause, incident_list, overview, incidents]


def render() -> str:
    return "".join(json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n" for obj in objects())


if __name__ == "__main__":
    OUT.write_text(render(), "utf-8")
    print(f"wrote {OUT} ({len(objects())} objects)", file=sys.stderr)
