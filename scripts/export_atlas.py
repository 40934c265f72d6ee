#!/usr/bin/python3
"""Prints the atlas of a gridplan run to OUT_DIR/atlas.pdf with QGIS (headless).

Usage: export_atlas.py OUT_DIR

Opens OUT_DIR/gridplan.qgs and prints, into one PDF, the layout "gridplan-overview" (one page:
the whole street) and then every page of the atlas layout "gridplan-atlas" (one page per
community, in community-code order): communities + 1 pages. The PDF is written into a staging
folder OUT_DIR/.gridplan-staging-<pid>/ and renamed to atlas.pdf only when complete, so a failed
export never leaves a half-written atlas.pdf (an earlier one stays as it was; gridplan removes
the staging folder of a killed export on its next run).

Exit codes: 0 written; 1 the project or its layouts cannot be read or printed; 2 usage;
3 QGIS's Python bindings (Debian: python3-qgis) are not installed.
`gridplan partition --pdf` runs this script after writing the outputs.
"""
import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OVERVIEW, ATLAS = "gridplan-overview", "gridplan-atlas"


def fail(message, code=1):
    print("export_atlas: " + message, file=sys.stderr)
    sys.exit(code)


try:
    from qgis.core import (QgsApplication, QgsLayoutExporter, QgsProject, QgsRenderContext,
                           QgsUnitTypes)
    from qgis.PyQt.QtCore import QMarginsF, QSizeF
    from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter
    from qgis.PyQt.QtPrintSupport import QPrinter
except ImportError as e:
    fail("QGIS's Python bindings are not installed (Debian/Ubuntu: apt install python3-qgis): "
         + str(e), 3)


def page_layout(layout):
    """The first page's size, full page with no margins (as QgsLayoutExporter prints)."""
    size = layout.pageCollection().page(0).sizeWithUnits()
    mm = layout.renderContext().measurementConverter().convert(size, QgsUnitTypes.LayoutMillimeters)
    pl = QPageLayout(QPageSize(mm.toQSizeF(), QPageSize.Millimeter), QPageLayout.Portrait,
                     QMarginsF(0, 0, 0, 0))
    pl.setMode(QPageLayout.FullPageMode)
    return pl


def print_pages(overview, atlas_layout, path):
    """Overview page, then one page per atlas feature, into the PDF at path; the page count."""
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(path)
    printer.setFullPage(True)
    printer.setColorMode(QPrinter.Color)
    dpi = 300
    printer.setResolution(dpi)
    printer.setPageLayout(page_layout(overview))
    for layout in (overview, atlas_layout):
        layout.renderContext().setDpi(dpi)
        # Text as text, not outlines: the PDF stays searchable (grid codes, names) and smaller.
        layout.renderContext().setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)
    painter = QPainter()
    if not painter.begin(printer):
        fail("cannot write " + path)
    pages = 0
    try:
        QgsLayoutExporter(overview).renderPage(painter, 0)
        pages += 1
        atlas = atlas_layout.atlas()
        if not atlas.enabled() or not atlas.beginRender():
            fail("the atlas of layout %s has no coverage layer or no feature" % ATLAS)
        exporter = QgsLayoutExporter(atlas_layout)
        for i in range(atlas.count()):
            if not atlas.seekTo(i):
                fail("cannot prepare atlas page %d" % (i + 1))
            printer.setPageLayout(page_layout(atlas_layout))
            if not printer.newPage():
                fail("cannot add page %d to %s" % (pages + 1, path))
            exporter.renderPage(painter, 0)
            pages += 1
        atlas.endRender()
    finally:
        painter.end()
    return pages


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = os.path.abspath(sys.argv[1])
    qgs = os.path.join(out_dir, "gridplan.qgs")
    if not os.path.isfile(qgs):
        fail("no gridplan.qgs in " + out_dir)
    app = QgsApplication([], False)
    app.initQgis()
    staging = os.path.join(out_dir, ".gridplan-staging-%d" % os.getpid())
    os.makedirs(staging, exist_ok=True)
    tmp = os.path.join(staging, "atlas.pdf")
    try:
        project = QgsProject.instance()
        if not project.read(qgs):
            fail("QGIS cannot read %s: %s" % (qgs, project.error()))
        manager = project.layoutManager()
        overview, atlas = manager.layoutByName(OVERVIEW), manager.layoutByName(ATLAS)
        if overview is None or atlas is None:
            fail("%s has no layouts %s and %s (written by gridplan 0.1 or later)" % (qgs, OVERVIEW, ATLAS))
        pages = print_pages(overview, atlas, tmp)
        os.replace(tmp, os.path.join(out_dir, "atlas.pdf"))
        print("atlas.pdf: %d pages (overview + %d communities)" % (pages, pages - 1))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        QgsProject.instance().clear()
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
