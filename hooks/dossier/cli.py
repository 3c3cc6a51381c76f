"""The editors' command: ``dossier check`` shows how each seed was understood and what is wrong."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import yaml

from .export import export
from .pipeline import build_site
from .problems import Severity


@click.group()
def main() -> None:
    """Dossier: company guide sites from raw research documents."""


@main.command()
@click.argument("seeds", default="seeds", type=click.Path(file_okay=False, path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, not how each seed was understood.")
def check(seeds: Path, quiet: bool) -> None:
    """Print how each seed in SEEDS was understood and every problem as path:line: message.

    Exits with status 1 when any seed has an error (it could not be used),
    0 otherwise; warnings and notices are printed but do not fail.
    """
    site = build_site(seeds)
    if not quiet:
        for page in site.seeds:
            c = page.classification
            click.echo(f"{seeds.as_posix()}/{page.path}")
            click.echo(f"  company: {c.company or '(unsorted)'} [{c.company_strength.name.lower()}]")
            click.echo(f"  kind:    {c.kind.value} [{c.kind_strength.name.lower()}]")
            click.echo(f"  role:    {c.role} [{c.role_strength.name.lower()}]" if c.role else "  role:    -")
            click.echo(f"  title:   {page.title}")
            click.echo(f"  page:    /{page.src_uri.removesuffix('.md').removesuffix('index')}/".replace("//", "/"))
            for reason in c.evidence:
                click.echo(f"  why:     {reason}")
            for found in page.topics:
                where = f"section {found.heading!r}" if found.heading else "opening"
                click.echo(f"  topic:   {found.topic} ({where}: {found.evidence})")
    problems = site.problems.sorted()
    for problem in problems:
        label = problem.severity.name.lower()
        click.echo(f"{seeds.as_posix()}/{problem} [{label}]", err=problem.severity >= Severity.WARNING)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    click.echo(
        f"{len(site.seeds)} seeds understood, {len(errors)} errors, {len(warnings)} warnings, "
        f"{len(problems) - len(errors) - len(warnings)} notices",
        err=True,
    )
    sys.exit(1 if errors else 0)


@main.command("export")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config_file", default="mkdocs.yml", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def export_command(target: Path, config_file: Path) -> None:
    """Write the generated pages and a mkdocs.yml without the hook into TARGET, for any builder that reads mkdocs.yml."""
    project = config_file.resolve().parent
    settings = _settings(config_file)
    site = build_site(project / str(settings.get("seeds", "seeds")), str(settings.get("site_name", "Dossier")))
    count = export(site, project, target, list(settings.get("pages") or []))
    errors = [p for p in site.problems.sorted() if p.severity is Severity.ERROR]
    for problem in errors:
        click.echo(f"{problem} [error]", err=True)
    click.echo(f"{count} pages written to {target}; build them with: mkdocs build -f {target / 'mkdocs.yml'}", err=True)
    sys.exit(1 if errors else 0)


def _settings(config_file: Path) -> dict[str, Any]:
    """``extra.dossier`` of mkdocs.yml (and its site_name), read without running MkDocs."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold tags for MkDocs (!ENV, !!python/…); their values are not needed here.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    settings = dict((config.get("extra") or {}).get("dossier") or {})
    settings.setdefault("site_name", config.get("site_name") or "Dossier")
    return settings


if __name__ == "__main__":  # pragma: no cover
    main()
