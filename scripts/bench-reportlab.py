#!/usr/bin/env python3
"""The reference for the certificate benchmark: Python reportlab drawing the same page as
`allervers-bench-documents` (A4, DejaVu Sans embedded, the same header, title, wrapped
paragraphs, signature box and a QR code of a payload of the same length), one file per
certificate.

    bench-reportlab.py COUNT OUTPUT_DIR      prints "seconds pages"
"""
import os
import sys
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

FONTS = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(FONTS, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(FONTS, "DejaVuSans-Bold.ttf")))
regular = ParagraphStyle("regular", fontName="DejaVu", fontSize=9.5, leading=12)
bold = ParagraphStyle("bold", fontName="DejaVu-Bold", fontSize=9.5, leading=12)
heading = ParagraphStyle("heading", fontName="DejaVu-Bold", fontSize=11, leading=14)
small = ParagraphStyle("small", fontName="DejaVu", fontSize=7.5, leading=9.5)
title = ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=17, leading=21, alignment=1)
NAMES = ["Camille Roux", "Mehdi Benali", "Sophie Lambert", "Julien Moreau", "Awa Diallo", "Anne-Laure Petit"]
WIDTH, HEIGHT = A4
MARGIN = 42


def page(path, index):
    first, last = NAMES[index % len(NAMES)].split(" ")
    number = "AV-2026-%06d" % (index + 1)
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle("Certificat de réalisation %s — %s %s" % (number, first, last.upper()))
    y = HEIGHT - MARGIN

    def block(text, style, gap=9):
        nonlocal y
        paragraph = Paragraph(text, style)
        _, height = paragraph.wrap(WIDTH - 2 * MARGIN, y)
        paragraph.drawOn(c, MARGIN, y - height)
        y -= height + gap

    block("Institut Aller-Vers", heading, 2)
    block("12 rue des Lices, 49100 Angers", small, 1)
    block("Déclaration d'activité enregistrée sous le n° 52490123449 auprès du préfet de région. "
          "Cet enregistrement ne vaut pas agrément de l'État.", small, 6)
    c.line(MARGIN, y, WIDTH - MARGIN, y)
    y -= 14
    block("CERTIFICAT DE RÉALISATION", title, 24)
    block("Je soussigné(e) Claire Martin, Directrice, représentant(e) légal(e) du dispensateur de l'action "
          "concourant au développement des compétences Institut Aller-Vers, atteste que :", regular)
    block("%s %s" % (first, last.upper()), heading)
    block("salarié(e) de l'entreprise CCAS de Villeurbanne", regular)
    block("a suivi l'action :", regular)
    block("Les fondamentaux de la posture d'aller-vers (AV-FOND, version 1.0)", heading)
    block("Nature de l'action concourant au développement des compétences :", regular)
    block("☒ action de formation ☐ bilan de compétences ☐ action de VAE ☐ action de formation par apprentissage", regular)
    block("qui s'est déroulée du 12 mars 2026 au 13 mars 2026,", regular)
    block("pour une durée de 13 h 40 réalisées, sur 14 h prévues.", bold)
    block("Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à "
          "conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une "
          "durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds "
          "européens, la durée de conservation est étendue conformément aux obligations conventionnelles spécifiques.",
          small)
    block("Fait à Angers, le 16 mars 2026", regular)
    c.setFont("DejaVu", 7.5)
    c.drawString(WIDTH - MARGIN - 240, y, "Cachet et signature du responsable du dispensateur de formation")
    c.rect(WIDTH - MARGIN - 240, y - 92, 240, 70)
    c.drawString(WIDTH - MARGIN - 240, y - 104, "Claire Martin, Directrice")
    payload = ("eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9." + ("%s-%d-" % (number, index)) * 40)[:560]
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(118, 118, transform=[118 / (x1 - x0), 0, 0, 118 / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, c, MARGIN - 8, MARGIN + 6)
    c.setFont("DejaVu-Bold", 9.5)
    c.drawString(MARGIN + 118, MARGIN + 80, "Certificat n° " + number)
    c.setFont("DejaVu", 7.5)
    c.drawString(MARGIN + 118, MARGIN + 66, "Le QR code porte une déclaration signée (Ed25519) que « allervers verify » vérifie hors ligne.")
    c.showPage()
    c.save()


count, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
start = time.perf_counter()
for index in range(count):
    page(os.path.join(folder, "AV-2026-%06d.pdf" % (index + 1)), index)
print("%.3f %d" % (time.perf_counter() - start, count))
