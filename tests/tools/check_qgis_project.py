#!/usr/bin/python3
"""Opens a run's gridplan.qgs in real QGIS (headless) and checks it; renders the map to a PNG.

Usage: check_qgis_project.py OUT_DIR PNG_PATH [en|zh]

Checks: the project reads; its CRS and every layer's CRS is EPSG:4326 (the GeoJSON layers are
RFC 7946); every layer is valid, refers to its file by a relative path inside OUT_DIR, and has as
many features as the GeoJSON file holds (after the layer's subset / geometry-type filter); every
GeoJSON layer of the run is in the project; the styles are the documented ones (grids by bounds
band with labels, buildings by grid, dedicated grids hatched, gaps on top); every .qml loads; and
the rendered map shows every grid's label; the print layouts (overview and atlas over the
communities) are there with their map, scale bar, north arrow, table and attribution. Exits non-zero with a message on the first failure.
Needs Debian's python3-qgis; run with QT_QPA_PLATFORM=offscreen.
"""
import json
import sqlite3
import os
import re
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402


def fail(message):
    print("check_qgis_project: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def read_features(out_dir, datasource):
    """GeoJSON-like features of a layer's source (a GeoJSON file, or a layer of gridplan.gpkg
    when --format gpkg), and the datasource options left to apply."""
    parts = datasource.split("|")
    path = os.path.normpath(os.path.join(out_dir, parts[0]))
    options = parts[1:]
    if not path.endswith(".gpkg"):
        with open(path, encoding="utf-8") as f:
            return path, json.load(f)["features"], options
    layer = next(o.partition("=")[2] for o in options if o.startswith("layername="))
    options = [o for o in options if not o.startswith("layername=")]
    db = sqlite3.connect(path)
    geom_col, geom_type = db.execute(
        "SELECT column_name, geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?",
        (layer,)).fetchone()
    cursor = db.execute('SELECT * FROM "%s"' % layer)
    names = [d[0] for d in cursor.description]
    features = []
    for row in cursor:
        props = dict(zip(names, row))
        blob = props.pop(geom_col)
        kind = {"MULTIPOLYGON": "MultiPolygon", "POLYGON": "Polygon", "POINT": "Point"}.get(geom_type.upper(), geom_type)
        features.append({"properties": props, "geometry": {"type": kind} if blob else None})
    db.close()
    return path, features, options


def grids_source(out_dir):
    return ("gridplan.gpkg|layername=grids" if os.path.exists(os.path.join(out_dir, "gridplan.gpkg"))
            else "grids.geojson")


def expected_count(out_dir, datasource):
    """Features of the layer's source that the datasource options let through."""
    path, features, options = read_features(out_dir, datasource)
    for option in options:
        key, _, value = option.partition("=")
        if key == "subset":
            m = re.fullmatch(r"\"(\w+)\" = '([^']*)'", value)
            expect(m, "unexpected subset syntax: " + value)
            features = [f for f in features if f["properties"].get(m.group(1)) == m.group(2)]
        elif key == "geometrytype":
            wanted = {value, "Multi" + value}
            features = [f for f in features if f["geometry"] and f["geometry"]["type"] in wanted]
        else:
            fail("unexpected datasource option " + option)
    return path, len(features)


def check_layouts(project, out_dir):
    """The print layouts (README "Atlas and --pdf"): an overview of the street and an atlas over
    the communities, A3 landscape, each with a map in the working CRS, a north arrow and a scale bar
    tied to it, a table, and the street name, page number and attribution."""
    manager = project.layoutManager()
    names = sorted(l.name() for l in manager.printLayouts())
    expect(names == ["gridplan-atlas", "gridplan-overview"], "print layouts: %s" % names)
    with open(os.path.join(out_dir, "report.json"), encoding="utf-8") as f:
        working_crs = json.load(f)["working_crs"]
    communities = project.mapLayer("gridplan_communities")
    for name in names:
        layout = manager.layoutByName(name)
        expect(layout.pageCollection().pageCount() == 1, name + ": not one page")
        size = layout.pageCollection().page(0).pageSize()
        expect((round(size.width()), round(size.height())) == (420, 297), "%s: page %s x %s mm, not A3 landscape"
               % (name, size.width(), size.height()))
        maps = [i for i in layout.items() if isinstance(i, QgsLayoutItemMap)]
        expect(len(maps) == 1, name + ": %d maps" % len(maps))
        expect(maps[0].crs().isValid() and maps[0].crs().authid() == working_crs,
               "%s: map CRS %s, expected the working CRS %s" % (name, maps[0].crs().authid(), working_crs))
        bars = [i for i in layout.items() if isinstance(i, QgsLayoutItemScaleBar)]
        expect(len(bars) == 1 and bars[0].linkedMap() == maps[0], name + ": no scale bar on the map")
        arrows = [i for i in layout.items() if isinstance(i, QgsLayoutItemPicture)]
        expect(len(arrows) == 1 and arrows[0].linkedMap() == maps[0] and "north_arrow" in arrows[0].picturePath(),
               name + ": no north arrow on the map")
        tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)]
        expect(len(tables) == 1 and tables[0].vectorLayer() is not None and tables[0].columns(),
               name + ": no table")
        texts = " ".join(i.text() for i in layout.items() if isinstance(i, QgsLayoutItemLabel))
        expect("PT-PORTO" in texts, name + ": no street code in its texts")
        expect("OpenStreetMap contributors" in texts, name + ": no data attribution in its texts")
        if name == "gridplan-atlas":
            atlas = layout.atlas()
            expect(atlas.enabled() and atlas.coverageLayer() == communities, "the atlas is not over the communities")
            expect(maps[0].atlasDriven(), "the atlas map does not follow the atlas feature")
            expect(tables[0].vectorLayer().id() == "gridplan_grids" and "@atlas_feature" in tables[0].featureFilter(),
                   "the atlas table does not list the page's grids")
            expect(atlas.updateFeatures() == communities.featureCount(),
                   "the atlas has %d pages for %d communities" % (atlas.count(), communities.featureCount()))
    print("layouts %s: A3, map in %s, scale bar, north arrow, table; atlas over %d communities"
          % (names, working_crs, communities.featureCount()))


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, png = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    lang = sys.argv[3] if len(sys.argv) == 4 else "en"
    qgs = os.path.join(out_dir, "gridplan.qgs")
    expect(os.path.isfile(qgs), "no gridplan.qgs in " + out_dir)

    # The file itself: datasources as written, relative to the project.
    tree = ET.parse(qgs)
    written = {m.findtext("id"): m.findtext("datasource") for m in tree.iter("maplayer")}
    expect(written, "the project has no layers")
    for layer_id, ds in written.items():
        expect(ds.startswith("./"), f"layer {layer_id}: datasource is not relative: {ds}")

    app = QgsApplication([], False)
    app.initQgis()
    try:
        project = QgsProject.instance()
        expect(project.read(qgs), "QGIS cannot read the project: " + project.error())
        expect(project.crs().authid() == "EPSG:4326", "project CRS is " + project.crs().authid())
        layers = project.mapLayers()
        expect(set(layers) == set(written), f"QGIS loaded layers {sorted(layers)}, the file has {sorted(written)}")

        files_seen = set()
        for layer_id, layer in sorted(layers.items()):
            expect(layer.isValid(), f"layer {layer_id} is not valid ({layer.source()})")
            expect(layer.crs().authid() == "EPSG:4326", f"layer {layer_id}: CRS {layer.crs().authid()}")
            path, count = expected_count(out_dir, written[layer_id])
            source_path = os.path.normpath(layer.source().split("|")[0])
            expect(source_path == path, f"layer {layer_id} resolves to {source_path}, expected {path}")
            expect(layer.featureCount() == count,
                   f"layer {layer_id}: QGIS counts {layer.featureCount()} features, the file has {count}")
            files_seen.add(os.path.basename(path))
            expect(layer_id.startswith("gridplan_"), "unexpected layer id " + layer_id)
            qml = os.path.join(out_dir, layer_id[len("gridplan_"):] + ".qml")
            expect(os.path.isfile(qml), "no style file " + qml)
            message, ok = layer.loadNamedStyle(qml)
            expect(ok, f"{qml} does not load: {message}")
            print(f"layer {layer_id}: valid, {count} features, {layer.crs().authid()}, "
                  f"{type(layer.renderer()).__name__}")

        geojson = {f for f in os.listdir(out_dir) if f.endswith(".geojson")}
        expect(geojson <= files_seen, f"GeoJSON layers missing from the project: {sorted(geojson - files_seen)}")

        # Styles as documented.
        grids = layers["gridplan_grids"]
        renderer = grids.renderer()
        expect(isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "bounds",
               "grids are not categorized by bounds")
        expect({c.value() for c in renderer.categories()} >= {"under", "within", "over"}, "missing bound bands")
        expect(grids.labelsEnabled(), "grids have no labels")
        expect("grid_code" in grids.labeling().settings().fieldName, "grid labels do not show the code")
        buildings = layers["gridplan_buildings"].renderer()
        grid_features = read_features(out_dir, grids_source(out_dir))[1]
        codes = {g["properties"]["grid_code"] for g in grid_features}
        expect(isinstance(buildings, QgsCategorizedSymbolRenderer) and buildings.classAttribute() == "grid_code",
               "buildings are not coloured by grid")
        expect({c.value() for c in buildings.categories()} == codes | {""}, "building categories != grid codes")
        if any(g["properties"]["kind"] == "dedicated" for g in grid_features):
            dedicated = layers["gridplan_dedicated_grids"].renderer()
            kinds = {sl.layerType() for c in dedicated.categories() for sl in c.symbol().symbolLayers()}
            expect("LinePatternFill" in kinds, "dedicated grids are not hatched")
        check_layouts(project, out_dir)
        order = project.layerTreeRoot().layerOrder()
        expect(order[0].id() == "gridplan_gaps", "gaps are not on top: " + order[0].id())

        # Render what the project shows (checked layers, in panel order) around the grids.
        visible = [l for l in order if project.layerTreeRoot().findLayer(l.id()).isVisible()]
        extent = QgsRectangle(grids.extent())
        extent.scale(1.05)
        settings = QgsMapSettings()
        settings.setLayers(visible)
        settings.setDestinationCrs(project.crs())
        settings.setBackgroundColor(QColor(255, 255, 255))
        width = 1600
        height = int(width * extent.height() / extent.width() / 0.75)  # lat degrees are longer here
        settings.setOutputSize(QSize(width, max(height, 400)))
        settings.setExtent(extent)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        os.makedirs(os.path.dirname(png), exist_ok=True)
        expect(image.save(png, "PNG"), "cannot save " + png)
        labels = job.takeLabelingResults().allLabels()
        texts = {p.labelText.split("\n")[0] for p in labels if p.layerID == "gridplan_grids"}
        expect(codes <= texts, f"grids without a rendered label: {sorted(codes - texts)[:5]}")
        # The language of the run: layer names and the households unit of the labels.
        unit, name = {"en": (" hh", "Grids by households"), "zh": (" 户", "网格（按户数）")}[lang]
        expect(grids.name() == name, f"grids layer is named {grids.name()!r}, expected {name!r}")
        expect(all(p.labelText.endswith(unit) for p in labels if p.layerID == "gridplan_grids"),
               "grid labels do not end with " + repr(unit))
        # Not blank: many pixels differ from the background.
        step = 8
        painted = sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
                      if image.pixelColor(x, y) != QColor(255, 255, 255))
        total = (image.width() // step) * (image.height() // step)
        expect(painted > total // 4, f"the rendered map is nearly blank ({painted}/{total} samples painted)")
        print(f"rendered {len(visible)} layers, {len(texts)} grid labels to {png}")
    finally:
        QgsProject.instance().clear()
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
