"""CLI commands: each module registers its commands on ``ogi.cli.app`` when imported."""
