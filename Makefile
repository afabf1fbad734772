# AllerVers — two commands on a fresh Debian machine: `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev libxml2-utils libsqlite3-dev sqlite3 pkg-config strace time \
  libpango1.0-dev libcairo2-dev libqrencode-dev fonts-dejavu-core \
  poppler-utils qpdf zbar-tools python3-jsonschema python3-jwt python3-cryptography postgresql \
  zlib1g-dev python3-openpyxl python3-odf chromium chromium-driver wrk gcc
DEMO := Exports/demo
SESSION := AV-FOND-2026-03-LYON
BIN := .build/release/allervers
# Release builds carry Swift's runtime and Foundation inside the binary: the loader then binds
# a dozen libraries' symbols instead of two dozen, most of what a command took to start.
# Every release product is built so, or SwiftPM would rebuild all modules between two of them.
# Their symbols are not exported (the Swift driver exports all 53,000 by default): nothing looks
# them up, and at every start the runtime's dladdr walked them all and the loader's relocations
# searched them (--version 5.5 ms → 4.7 ms). What would need them: swift-nio's takeover of
# Swift's executor, which finds its hook with dlsym (unused; see the session notes).
RELEASE := -c release --static-swift-stdlib -Xlinker --no-export-dynamic
BENCH_MIB ?= 200

FUZZ_SECONDS ?= 60

.PHONY: demo test bench stress fuzz deps build schema lint clean

# Installs the Debian packages that are missing (root, or sudo when there is one).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  sudo=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(RELEASE) --product allervers

# The real workflow on the shipped courses, in a fresh workspace under Exports/demo.
demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN) init --store $(DEMO) --name "Institut Aller-Vers" --address "12 rue des Lices, 49100 Angers" \
	  --declaration-number 52490123449 --signatory "Claire Martin" --signatory-title "Directrice" --siret 88249012300008
	$(BIN) course validate Courses/
	$(BIN) course import --store $(DEMO) Courses/
	$(BIN) course list --store $(DEMO)
	$(BIN) course show AV-TERRAIN --store $(DEMO)
	$(BIN) course export AV-FOND --store $(DEMO) --output $(DEMO)/AV-FOND.xml
	xmllint --noout --schema Courses/schema/course-1.xsd $(DEMO)/AV-FOND.xml
	@echo "--- A week of training: a session of AV-FOND in Lyon, six social workers, four half-days"
	$(BIN) employer add "CCAS de Villeurbanne" --kind public-body --siret 21690266800013 --store $(DEMO)
	$(BIN) participant import --store $(DEMO) Courses/examples/participants.csv
	$(BIN) employer list --store $(DEMO)
	$(BIN) session plan AV-FOND --store $(DEMO) --start 2026-03-12 --id $(SESSION) --room "Salle Rhône" \
	  --address "3 quai Perrache, 69002 Lyon" --trainer "Claire Martin" --trainer "Bruno Leroy" --funder "OPCO Santé"
	$(BIN) session enrol --store $(DEMO) $(SESSION) P-0001 P-0002 P-0003 P-0004 P-0005 P-0006
	@echo "--- The catalogue and its planned session as LHEO 2.3, for the Carif-Oref base"
	$(BIN) course export --all --format lheo --sessions --store $(DEMO) --output $(DEMO)/offre-lheo.xml
	xmllint --noout --nonet --schema Courses/schema/lheo/lheo-2.3.xsd $(DEMO)/offre-lheo.xml
	$(BIN) course export AV-TERRAIN --format lheo --lint --store $(DEMO)
	@echo "--- The remote part of a blended course, from the learning platform's SCORM package"
	$(BIN) course import --store $(DEMO) Courses/examples/av-en-ligne
	$(BIN) course show AV-LIGNE --store $(DEMO)
	$(BIN) attendance record --store $(DEMO) $(SESSION) --slot 2026-03-12-am --late P-0002:20 --others-present
	$(BIN) attendance record --store $(DEMO) $(SESSION) --slot 2026-03-12-pm --excused "P-0004:rendez-vous médical" --others-present
	$(BIN) attendance record --store $(DEMO) $(SESSION) --slot 2026-03-13-am --absent P-0005 --others-present
	$(BIN) attendance record --store $(DEMO) $(SESSION) --slot 2026-03-13-pm --left-early P-0003:30 --others-present
	@echo "--- A mistake on Thursday morning's sheet: Mehdi came at 9:15, not 9:20; the correction keeps its reason"
	$(BIN) attendance record --store $(DEMO) $(SESSION) --slot 2026-03-12-am --late P-0002:15 --reason "arrivé à 9 h 15, feuille relue"
	$(BIN) attendance history --store $(DEMO) $(SESSION) --participant P-0002
	@echo "--- Awa missed Friday morning without excuse: the trainer calls her, and says so (Qualiopi indicator 12)"
	$(BIN) attendance alerts --store $(DEMO)
	$(BIN) attendance follow-up --store $(DEMO) $(SESSION) P-0005 --on 2026-03-13 --channel appel \
	  --note "Enfant malade ; rattrape le module 3 avec la session de mai."
	$(BIN) attendance alerts --store $(DEMO)
	$(BIN) progress set --store $(DEMO) $(SESSION) P-0001 --objective O3 --positioning not-acquired
	$(BIN) progress set --store $(DEMO) $(SESSION) P-0001 --objective O3 --assessment acquired --score 80
	@echo "--- The group's assessment results, from the trainer's spreadsheet (French headers and levels)"
	$(BIN) progress import --store $(DEMO) $(SESSION) Courses/examples/evaluations.csv
	$(BIN) progress show --store $(DEMO) $(SESSION)
	$(BIN) attendance show --store $(DEMO) $(SESSION)
	$(BIN) export sheets --store $(DEMO) $(SESSION) --blank --out $(DEMO)/$(SESSION)/sign-in-sheets-blank.pdf
	$(BIN) verify --store $(DEMO)
	$(BIN) export calendar --store $(DEMO) $(SESSION) --out $(DEMO)/$(SESSION)/calendar.ics
	@echo "--- An outreach session: a round and its debrief, an evening maraude to 00:30, a night over the clock change, a remote slot"
	$(BIN) session plan AV-TERRAIN --store $(DEMO) --slots Courses/examples/maraudes.csv --allow-partial --id AV-TERRAIN-2026-03-NUIT \
	  --room "Salle Saône" --address "3 quai Perrache, 69002 Lyon" --trainer "Nadia Haddad"
	$(BIN) export sheets --store $(DEMO) AV-TERRAIN-2026-03-NUIT --blank --out $(DEMO)/AV-TERRAIN-2026-03-NUIT-sheets.pdf
	@echo "--- The week is over: close, certify, export the records"
	$(BIN) session close --store $(DEMO) $(SESSION)
	$(BIN) certify --store $(DEMO) $(SESSION) --dry-run
	$(BIN) certify --store $(DEMO) $(SESSION)
	$(BIN) export records --store $(DEMO) $(SESSION) --out $(DEMO)
	$(BIN) export records --store $(DEMO) $(SESSION) --out $(DEMO)/en --lang en
	$(BIN) verify --store $(DEMO) $$(ls $(DEMO)/$(SESSION)/certificates/*-certificat-de-realisation.pdf | head -1)
	$(BIN) verify --store $(DEMO) $$(ls $(DEMO)/$(SESSION)/certificates/*-open-badge.jwt | head -1)
	pdfsig $$(ls $(DEMO)/$(SESSION)/certificates/*-certificat-de-realisation.pdf | head -1) | grep -E "Total document signed|Signature Validation"
	@echo "--- An employer's year: two obligations, and who meets them on three days"
	$(BIN) obligation add --store $(DEMO) --employer "CCAS de Villeurbanne" --title "Aller-vers, socle" --course AV-FOND \
	  --due-months 12 --validity 36 --counting previous-expiry --grace 30
	$(BIN) obligation add --store $(DEMO) --employer "Sauvegarde 69" --title "Aller-vers, terrain" --course AV-TERRAIN \
	  --role "moniteur-éducateur" --due-on 2026-06-30 --grace 15
	$(BIN) obligation list --store $(DEMO)
	printf 'Attestation de fin de formation - Julien Moreau - Aller vers les publics - 14 h\n' > $(DEMO)/attestation-moreau.txt
	$(BIN) external add P-0004 --store $(DEMO) --provider "IRTS Auvergne-Rhône-Alpes" --title "Aller vers les publics" \
	  --date 2026-05-20 --hours 14 --counts-as AV-TERRAIN --file $(DEMO)/attestation-moreau.txt --verified-by "Claire Martin"
	$(BIN) exemption add P-0002 --store $(DEMO) --obligation O-0001 --from 2029-01-01 --until 2029-06-30 --reason "congé parental"
	$(BIN) compliance --store $(DEMO) --as-of 2026-03-01
	$(BIN) compliance --store $(DEMO) --as-of 2026-07-10
	$(BIN) compliance --store $(DEMO) --as-of 2029-03-01 --pdf $(DEMO)/conformite-2029-03-01.pdf
	$(BIN) compliance reminders --store $(DEMO) --as-of 2029-02-12 --csv $(DEMO)/rappels.csv
	$(BIN) compliance matrix --store $(DEMO) --employer "CCAS de Villeurbanne" --as-of 2026-12-31 --pdf $(DEMO)/matrice.pdf
	$(BIN) external show X-0001 --store $(DEMO) --check $(DEMO)/attestation-moreau.txt
	$(BIN) participant find "ccas villeurbanne" --store $(DEMO)
	$(BIN) participant show P-0001 --store $(DEMO)
	@echo "--- The same, in French: LANG=fr_FR.UTF-8 makes every message, header, error and help French"
	LANG=fr_FR.UTF-8 $(BIN) participant show P-0001 --store $(DEMO)
	$(BIN) certificate list --store $(DEMO) --employer "CCAS de Villeurbanne" --state valid
	$(BIN) export certificates --store $(DEMO) --year 2026 --employer "CCAS de Villeurbanne" --out $(DEMO)/ccas-villeurbanne-2026
	$(BIN) obligation edit O-0001 --store $(DEMO) --validity 24 --dry-run
	$(BIN) obligation edit O-0001 --store $(DEMO) --validity 24 --apply-to-existing
	$(BIN) obligation show O-0001 --store $(DEMO)
	@echo "--- For allervers serve: a trainer's account and an employer's (passwords on standard input), the sheets' checks"
	echo "demo-password-claire" | $(BIN) account add claire --name "Claire Martin" --store $(DEMO)
	echo "demo-password-ccas-rh" | $(BIN) account add rh-ccas --name "Service RH" --employer "CCAS de Villeurbanne" --store $(DEMO)
	$(BIN) account list --store $(DEMO)
	$(BIN) attendance check $(SESSION) --store $(DEMO)
	@echo "--- Spring: the year's Bilan pedagogique et financier, from the records (trainers as people, the session's income)"
	$(BIN) employer edit "Sauvegarde 69" --kind association --store $(DEMO)
	$(BIN) employer edit "Maison de la Métropole, Lyon 8e" --kind public-body --store $(DEMO)
	$(BIN) trainer set "Claire Martin" --store $(DEMO)
	$(BIN) trainer set "Nadia Haddad" --store $(DEMO)
	$(BIN) trainer set "Bruno Leroy" --external --store $(DEMO)
	$(BIN) session declare $(SESSION) --funding opco-skills-plan=4200 --payer "OPCO Santé" --store $(DEMO)
	$(BIN) report bpf --year 2026 --store $(DEMO) --csv $(DEMO)/bpf-2026.csv --pdf $(DEMO)/bpf-2026.pdf
	@echo "--- The Qualiopi auditor's folder for the year: open Exports/demo/audit-2026/index.html"
	rm -rf $(DEMO)/audit-2026
	$(BIN) audit-pack --from 2026-01-01 --to 2026-12-31 --out $(DEMO)/audit-2026 --store $(DEMO)
	cd $(DEMO)/audit-2026 && sha256sum --quiet -c SHA256SUMS && echo "Every file of the pack matches its SHA-256"
	@echo "--- Retention: how long each record is kept, and who a purge would anonymise today (nobody yet)"
	$(BIN) retention set certificates 10 --funder opco-skills-plan --store $(DEMO)
	$(BIN) retention show --store $(DEMO)
	$(BIN) purge --before $$(date +%F) --dry-run --store $(DEMO)
	@echo "--- Nothing lost with the laptop: a snapshot, restored elsewhere, verified and exported again byte for byte"
	$(BIN) backup --store $(DEMO) --to $(DEMO)/snapshot.allervers --with-key
	$(BIN) restore $(DEMO)/snapshot.allervers --store $(DEMO)/restored
	$(BIN) verify --store $(DEMO)/restored
	$(BIN) export records --store $(DEMO)/restored $(SESSION) --out $(DEMO)/restored/Exports
	diff -r $(DEMO)/$(SESSION)/certificates $(DEMO)/restored/Exports/$(SESSION)/certificates && echo "Restored certificates: byte-identical"
	@echo "Records written to $(DEMO)/$(SESSION)/ (English certificates in $(DEMO)/en/$(SESSION)/)"

# Every test on SQLite, then the tests of the store, the use cases and the commands again on
# PostgreSQL: a throw-away cluster that scripts/with-postgres.sh starts on loopback, a new
# database for each workspace a test makes.
POSTGRES_SUITES = AllerVersCLITests|TrainingServiceTests|TrainingStoreTests
test: deps
	scripts/check-pango-abi.sh
	$(SWIFT) build --build-tests
	scripts/with-postgres.sh sh -c '$(SWIFT) test --skip-build && \
	  ALLERVERS_TEST_DATABASE=postgres $(SWIFT) test --skip-build --filter "$(POSTGRES_SUITES)"'

# The crash and concurrency harnesses in full: 102 SIGKILLs, 4 writers × 504 records.
stress: deps
	$(SWIFT) build --build-tests
	set -o pipefail; AV_STRESS=1 $(SWIFT) test --skip-build --filter "CrashTests|ConcurrencyTests" 2>&1 | grep -E "runs,|concurrency:|✘|Test run"

# libFuzzer on the course importer for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=600).
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer --product allervers-fuzz-course
	scripts/fuzz.sh $(FUZZ_SECONDS)

# Embeds Courses/schema/course-1.xsd in the binary again after it changed.
schema:
	scripts/embed-schema.sh

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Benchmarks

bench: deps
	for product in allervers allervers-bench-catalogue allervers-bench-documents allervers-bench-serve allervers-bench-year; do \
	  $(SWIFT) build $(RELEASE) --product $$product || exit 1; done
	@echo "Running every benchmark; the details go to Benchmarks/work/bench.log"
	@scripts/bench-all.sh $(BENCH_MIB)
	@scripts/bench-table.sh
	@awk -F '\t' '{ total += $$2; printf "%s %s %d s", (NR > 1 ? "," : "Time per benchmark:"), $$1, $$2 } END { printf "\nBenchmarks ran in %d min %02d s on $(shell nproc) cores (limit 10 min)\n", total / 60, total % 60 }' Benchmarks/work/durations.tsv

clean:
	rm -rf .build .build-fuzz Exports/demo Benchmarks/work
