"""The diplomacy ontology, its SHACL shapes and competency questions, installed as the kg.ontology package
(see setup.py): read them with kg.paths.ontology_file and kg.paths.ontology_folder."""
