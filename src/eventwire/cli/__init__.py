"""The `eventwire` command line: the click group and its core commands in `main`, one module per
command group (`gazetteer`, `serve`/`reprocess`, `watch`, `batch`), added to the group here."""

from eventwire.cli.batch import batch
from eventwire.cli.gazetteer import gazetteer
from eventwire.cli.main import main
from eventwire.cli.serve import reprocess, serve
from eventwire.cli.watch import watch

for _command in (gazetteer, serve, reprocess, watch, batch):
    main.add_command(_command)

__all__ = ["main"]
