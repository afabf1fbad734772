// The floor of a certificate page (issue 17): pango and cairo alone drawing the page that
// allervers-bench-documents makes (the same texts in the same fonts and sizes, the rules,
// the signature box and the QR code's squares), each page a PDF of its own in memory, as
// cairo embeds and compresses the fonts of each document. What allervers adds on top (its
// layout code, computing the QR code, the seal and the PAdES signature, writing the file)
// is left out: the QR code's modules are computed once, before the clock starts.
//
//   cc -O2 floor.c $(pkg-config --cflags --libs pangocairo libqrencode) -o floor
//   floor COUNT    prints "SECONDS PAGES"
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const double width = 595.28, height = 841.89, margin = 42.0;

static cairo_status_t count_bytes(void *closure, const unsigned char *data, unsigned int length) {
  (void)data;
  *(size_t *)closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static double text(cairo_t *cr, PangoLayout *layout, const char *font, const char *string, double x, double y, double w,
                   PangoAlignment align) {
  PangoFontDescription *description = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  pango_layout_set_width(layout, (int)(w * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, align);
  pango_layout_set_text(layout, string, -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  return (double)logical.height / PANGO_SCALE;
}

int main(int argc, char **argv) {
  int count = argc > 1 ? atoi(argv[1]) : 100;
  // A signed statement as long as a certificate's QR code carries.
  char payload[512];
  memset(payload, 'A', 430);
  payload[430] = 0;
  QRcode *qr = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!qr) return 1;
  const char *regular = "DejaVu Sans 9.5", *small = "DejaVu Sans 7.5", *bold = "DejaVu Sans Bold 9.5",
             *heading = "DejaVu Sans Bold 11", *title = "DejaVu Sans Bold 17";
  const char *paragraphs[][2] = {
      {regular, "Je soussigné(e) Claire Martin, Directrice, représentant(e) légal(e) du dispensateur de l'action concourant au "
                "développement des compétences Institut Aller-Vers, atteste que :"},
      {heading, "Camille ROUX"},
      {regular, "salarié(e) de l'entreprise CCAS de Villeurbanne"},
      {regular, "a suivi l'action :"},
      {heading, "Les fondamentaux de la posture d'aller-vers (AV-FOND, version 1.0)"},
      {regular, "Nature de l'action concourant au développement des compétences :"},
      {regular, "☒ action de formation   ☐ bilan de compétences   ☐ action de VAE   ☐ action de formation par apprentissage"},
      {regular, "qui s'est déroulée du 12 mars 2026 au 13 mars 2026,"},
      {bold, "pour une durée de 14 h réalisées, sur 14 h prévues."},
      {small, "Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à conserver "
              "l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une durée de 3 ans à "
              "compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds européens, la durée de "
              "conservation est étendue conformément aux obligations conventionnelles spécifiques."},
  };
  double content = width - 2 * margin;
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  size_t bytes = 0;
  for (int page = 0; page < count; page++) {
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(count_bytes, &bytes, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Certificat de réalisation AV-2026-000001 — Camille ROUX");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "Institut Aller-Vers");
    cairo_t *cr = cairo_create(surface);
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(pango_cairo_font_map_get_default()), 72);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    double y = margin;
    y += text(cr, layout, heading, "Institut Aller-Vers", margin, y, content, PANGO_ALIGN_LEFT) + 2;
    y += text(cr, layout, small, "12 rue des Lices, 49100 Angers", margin, y, content, PANGO_ALIGN_LEFT) + 1;
    y += text(cr, layout, small, "Déclaration d'activité enregistrée sous le n° 52490123449 auprès du préfet de région. Cet "
              "enregistrement ne vaut pas agrément de l'État.", margin, y, content, PANGO_ALIGN_LEFT) + 6;
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, margin, y);
    cairo_line_to(cr, width - margin, y);
    cairo_stroke(cr);
    y += 4;
    y += text(cr, layout, title, "CERTIFICAT DE RÉALISATION", margin, y + 10, content, PANGO_ALIGN_CENTER) + 24;
    for (size_t i = 0; i < sizeof paragraphs / sizeof paragraphs[0]; i++)
      y += text(cr, layout, paragraphs[i][0], paragraphs[i][1], margin, y, content, PANGO_ALIGN_LEFT) + 9;
    y += 6;
    y += text(cr, layout, regular, "Fait à Angers, le 16 mars 2026", margin, y, content, PANGO_ALIGN_LEFT) + 8;
    double box = 240, boxX = width - margin - box;
    text(cr, layout, small, "Cachet et signature du responsable du dispensateur de formation", boxX, y, box, PANGO_ALIGN_LEFT);
    cairo_rectangle(cr, boxX, y + 22, box, 70);
    cairo_stroke(cr);
    text(cr, layout, small, "Claire Martin, Directrice", boxX, y + 96, box, PANGO_ALIGN_LEFT);
    // The QR code's dark modules, a rectangle per run of them on a row, as allervers draws them.
    double size = 118, qrY = height - margin - size - 6, cell = size / (qr->width + 8);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, margin - 8, qrY, size, size);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < qr->width; row++)
      for (int column = 0; column < qr->width;) {
        if (!(qr->data[row * qr->width + column] & 1)) { column++; continue; }
        int length = 0;
        while (column + length < qr->width && (qr->data[row * qr->width + column + length] & 1)) length++;
        cairo_rectangle(cr, margin - 8 + (column + 4) * cell, qrY + (row + 4) * cell, length * cell, cell);
        column += length;
      }
    cairo_fill(cr);
    text(cr, layout, bold, "Certificat n° AV-2026-000001", margin + size, qrY + 30, 300, PANGO_ALIGN_LEFT);
    text(cr, layout, small, "Le QR code porte une déclaration signée (Ed25519) que « allervers verify » vérifie hors ligne.",
         margin + size, qrY + 46, content - size, PANGO_ALIGN_LEFT);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) return 1;
    cairo_surface_destroy(surface);
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  QRcode_free(qr);
  printf("%.3f %d %zu\n", (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9, count, bytes / (size_t)count);
  return 0;
}
