"""The HTTP API and dashboard (`eventwire serve`); see `eventwire.serve.app.create_app`."""
