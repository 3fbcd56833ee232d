#!/usr/bin/env python3
"""Enforces Metis's layering rules (ARCHITECTURE.md).

1. core/, imaging/, phantom/, models/, database/ and workflow/ include no Qt header, nor do
   the tests of the Qt-free libraries (tests/core, tests/models, tests/workflow), which the
   compute-node build (no Qt) runs.
2. core/ includes no third-party library at all.
3. Nothing outside models/ (and its test folder tests/models/) includes torch; the model
   benchmarks tests/benchmarks/bench_mtsa_*.cpp may, as they time the torch network itself.
5. SQL lives in database/ only: no SQL statement and no call of PatientDatabase::sql() in any
   other product folder (tests may set up fixtures with SQL).
6. viewer/ outside viewer/widgets/ includes no Qt header (the Qt-free viewer logic).
4. Through the link graph CMake writes, metis_core, metis_imaging, metis_phantom, metis_models,
   metis_database, metis_workflow and metis-cli reach no Qt module, nothing but metis_models
   reaches torch, and the workstation (metis_ui, metis) does not link the phantom generator.

Usage: check_dependencies.py --source-root DIR [--link-report FILE]
       check_dependencies.py --self-test
"""
import argparse
import pathlib
import re
import sys
import tempfile

SOURCE_SUFFIXES = {".h", ".hpp", ".cpp", ".cc", ".cxx", ".in"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.MULTILINE)
QT_HEADER = re.compile(r"^(Qt\w*/|Q[A-Z]\w*$|q\w+\.h$)")
TORCH_HEADER = re.compile(r"^(torch|ATen|c10|caffe2)/")
TORCH_BENCHMARK = re.compile(r"^tests/benchmarks/bench_mtsa_\w+\.cpp$")
THIRD_PARTY = re.compile(r"^(itk|vtk|dcmtk/|sqlite3|torch/|ATen/|c10/|Qt|Q[A-Z]|gdcm|nifti)", re.I)
QT_FREE_DIRS = ["core", "imaging", "phantom", "models", "database", "workflow", "viewer",
                "tests/core", "tests/models", "tests/workflow"]
PRODUCT_DIRS = ["core", "imaging", "phantom", "models", "workflow", "viewer", "ui", "app"]
SQL = re.compile(r'\.sql\(\)|"\s*(SELECT\s+\S.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b')
QT_FREE_TARGETS = ["metis_core", "metis_imaging", "metis_phantom", "metis_models", "metis_database",
                   "metis_workflow", "metis-cli"]
WITHOUT_PHANTOM_TARGETS = ["metis_ui", "metis"]
TORCH_OWNERS = {"metis_models"}


def sources(root: pathlib.Path, folder: str):
    base = root / folder
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and path.is_file() and "build" not in path.parts:
            yield path


def includes(path: pathlib.Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for match in INCLUDE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, match.group(1)


def check_sources(root: pathlib.Path):
    problems = []
    for folder in QT_FREE_DIRS:
        for path in sources(root, folder):
            rel = path.relative_to(root)
            if rel.parts[:2] == ("viewer", "widgets"):
                continue
            for line, header in includes(path):
                if QT_HEADER.match(header):
                    problems.append(f"{rel}:{line}: Qt header <{header}> in a Qt-free layer")
                elif folder == "core" and THIRD_PARTY.match(header):
                    problems.append(f"{rel}:{line}: <{header}> in metis_core (standard library only)")
    for folder in PRODUCT_DIRS:
        for path in sources(root, folder):
            rel = path.relative_to(root)
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                if SQL.search(line):
                    problems.append(f"{rel}:{number}: SQL outside database/")
    for path in sorted(root.rglob("*")):
        if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
            continue
        rel = path.relative_to(root)
        top = rel.parts[0]
        if top == "models" or rel.parts[:2] == ("tests", "models") or top.startswith("build"):
            continue
        if TORCH_BENCHMARK.match(rel.as_posix()):
            continue
        for line, header in includes(path):
            if TORCH_HEADER.match(header):
                problems.append(f"{rel}:{line}: torch header <{header}> outside models/")
    return problems


def parse_link_report(path: pathlib.Path):
    graph = {}
    for raw in path.read_text().splitlines():
        if "=" not in raw:
            continue
        target, deps = raw.split("=", 1)
        items = []
        for dep in deps.split(";"):
            dep = re.sub(r"^\$<LINK_ONLY:(.*)>$", r"\1", dep.strip())
            if dep:
                items.append(dep)
        graph[target.strip()] = items
    return graph


def reachable(graph, target):
    seen, stack = set(), [target]
    while stack:
        for dep in graph.get(stack.pop(), []):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    return seen


def check_links(graph):
    problems = []
    for target in QT_FREE_TARGETS:
        if target not in graph:
            continue
        for dep in sorted(reachable(graph, target)):
            if dep.startswith("Qt6::") or dep.startswith("Qt::") or re.search(r"libQt6\w+\.so", dep):
                problems.append(f"link: {target} reaches Qt module {dep}")
    for target in WITHOUT_PHANTOM_TARGETS:
        if target in graph and "metis_phantom" in reachable(graph, target):
            problems.append(f"link: {target} links the phantom generator metis_phantom")
    for target in graph:
        if target in TORCH_OWNERS:
            continue
        direct = graph[target]
        for dep in direct:
            if re.search(r"lib(torch|c10)\w*\.so", dep) or dep in ("torch", "torch_library"):
                problems.append(f"link: {target} links torch directly ({dep})")
    return problems


def run(root: pathlib.Path, link_report):
    problems = check_sources(root)
    if link_report:
        problems += check_links(parse_link_report(link_report))
    for problem in problems:
        print(problem)
    print(f"dependency rules: {len(problems)} violation(s)")
    return 1 if problems else 0


def self_test():
    """Builds a small tree with one violation of each rule and checks each is reported."""
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        files = {
            "core/src/Good.cpp": "#include <vector>\n#include \"metis/core/Progress.h\"\n",
            "core/src/BadQt.cpp": "#include <QWidget>\n",
            "core/src/BadItk.cpp": "#include <itkImage.h>\n",
            "imaging/src/Ok.cpp": "#include <itkImage.h>\n#include <dcmtk/dcmdata/dctk.h>\n",
            "phantom/src/BadQt.cpp": "#include <QString>\n",
            "tests/core/BadQt.cpp": "#include <QTest>\n",
            "tests/ui/Ok.cpp": "#include <QTest>\n",
            "database/src/BadGui.cpp": "#include <QtGui/QImage>\n",
            "ui/src/BadTorch.cpp": "#include <torch/torch.h>\n",
            "models/src/Ok.cpp": "#include <torch/torch.h>\n",
            "tests/models/Ok.cpp": "#include <torch/torch.h>\n",
            "ui/src/BadSql.cpp": 'auto q = db.sql().prepare("SELECT id FROM series");\n',
            "app/cli/BadSql.cpp": 'run("DELETE FROM patients WHERE id = 1");\n',
            "database/src/OkSql.cpp": 'db_.prepare("SELECT id FROM series WHERE x = ?");\n',
            "tests/database/OkSql.cpp": 'sql.prepare("INSERT INTO series(id) VALUES (1)");\n',
            "viewer/src/BadQt.cpp": "#include <QImage>\n",
            "viewer/widgets/src/Ok.cpp": "#include <QWidget>\n",
            "ui/src/OkText.cpp": 'tr("Select two versions to compare them.");\n',
        }
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        report = root / "links.txt"
        report.write_text("metis_core=Threads::Threads\n"
                          "metis_database=metis_core;metis_helper\n"
                          "metis_helper=$<LINK_ONLY:Qt6::Widgets>\n"
                          "metis_ui=/usr/lib/libtorch.so;metis_workflow\n"
                          "metis_workflow=metis_phantom\n"
                          "metis_models=metis_core;/usr/lib/libtorch.so\n")
        found = check_sources(root) + check_links(parse_link_report(report))
    expected = ["core/src/BadQt.cpp", "core/src/BadItk.cpp", "database/src/BadGui.cpp",
                "ui/src/BadTorch.cpp", "ui/src/BadSql.cpp", "app/cli/BadSql.cpp",
                "viewer/src/BadQt.cpp", "phantom/src/BadQt.cpp", "tests/core/BadQt.cpp",
                "metis_database reaches Qt module Qt6::Widgets", "metis_ui links torch",
                "metis_ui links the phantom generator"]
    missing = [e for e in expected if not any(e in p for p in found)]
    if missing or len(found) != len(expected):
        print("self-test FAILED\nfound:\n  " + "\n  ".join(found) + "\nmissing:\n  " + "\n  ".join(missing))
        return 1
    print(f"self-test passed: all {len(expected)} planted violations reported, nothing else")
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source-root", type=pathlib.Path)
    parser.add_argument("--link-report", type=pathlib.Path)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    if not args.source_root:
        parser.error("--source-root is required")
    return run(args.source_root, args.link_report)


if __name__ == "__main__":
    sys.exit(main())
