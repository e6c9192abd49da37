"""Dialog definitions: YAML files loaded into typed, frozen, validated flows."""
