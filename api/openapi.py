"""The OpenAPI 3.1 description of the API, written by hand (served at /api/openapi.json).

tests/api/test_schema.py validates it with openapi-spec-validator and checks real responses against it
with schemathesis, so a field added to api/representations.py and not here fails the tests
(every object schema forbids additional properties).
"""
from __future__ import annotations

import copy
from functools import cache

from api.http import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from policies.analysis.types import TOPICS
from policies.models import AnalysisRun, FindingReview, PolicyVersion, ReviewState

VERSION = "1.0.0"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _object(properties: dict, description: str = "") -> dict:
    schema = {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}
RUN_STATUS = {"type": "string", "enum": list(AnalysisRun.Status.values)}
ID = {"type": "integer", "minimum": 1}

VENDOR_SUMMARY = {
    "slug": STRING,
    "name": STRING,
    "website": {"type": "string", "description": "Empty when unknown."},
    "url": URL,
    "current_version_id": _nullable(ID),
    "judged_run_id": {
        **_nullable(ID),
        "description": "The run the vendor is judged on: the newest successful run of its current version.",
    },
    "latest_run_status": {
        "type": ["string", "null"],
        "enum": [*AnalysisRun.Status.values, None],
        "description": "Status of the newest run of the current version, of any state.",
    },
    "overall_points": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
    "grade": {"type": ["string", "null"], "description": "Overall grade of the judged run; null when none."},
}
VERSION_SUMMARY = {
    "id": ID,
    "url": URL,
    "vendor": {"type": "string", "description": "The vendor's slug."},
    "is_current": {"type": "boolean"},
    "withdrawn": {"type": "boolean", "description": "A withdrawn upload stays readable, marked as such."},
    "withdrawn_at": _nullable(DATETIME),
    "source": {"type": "string", "enum": list(PolicyVersion.Source.values)},
    "source_url": {"type": "string", "description": "Empty unless fetched from a URL."},
    "original_filename": STRING,
    "document_format": {"type": "string", "enum": list(PolicyVersion.Format.values)},
    "size_bytes": {"type": "integer", "minimum": 0},
    "content_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    "stated_last_updated": {
        "type": "string",
        "description": "The policy's own 'last updated' date: YYYY-MM-DD, YYYY-MM, or empty.",
    },
    "uploaded_at": DATETIME,
    "latest_run_status": {"type": ["string", "null"], "enum": [*AnalysisRun.Status.values, None]},
    "judged_run_id": {**_nullable(ID), "description": "The newest successful run of this version."},
}

SCHEMAS = {
    "Error": _object(
        {"error": {"type": "string", "description": "A stable code, e.g. not_found."}, "message": STRING},
        "Every error response.",
    ),
    "Run": _object(
        {
            "id": ID,
            "status": RUN_STATUS,
            "progress": {"type": "integer", "minimum": 0, "maximum": 100},
            "stage": STRING,
            "failure_reason": {"type": "string", "description": "Written for people; empty unless failed."},
            "analyser_version": STRING,
            "rubric_version": STRING,
            "created_at": DATETIME,
            "started_at": _nullable(DATETIME),
            "finished_at": _nullable(DATETIME),
            "review_state": {
                "type": "string",
                "enum": list(ReviewState.values),
                "description": "How far reviewers have checked it; anything but 'reviewed' is provisional.",
            },
        },
        "One analysis job of a policy version.",
    ),
    "Score": _object(
        {
            "dimension": {"type": "string", "description": "'overall' for the whole policy."},
            "points": {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
            "grade": {"type": ["string", "null"]},
            "rubric_version": STRING,
            "position": {"type": "integer", "minimum": 0},
            "details": {"description": "Answers, evidence positions and blockers, as the rubric wrote them."},
            "review": {
                "type": "string",
                "enum": ["machine", "partly", "reviewed"],
                "description": "Whether reviewers have checked the findings behind this score.",
            },
        }
    ),
    "Finding": _object(
        {
            "id": ID,
            "run_id": ID,
            "position": {"type": "integer", "minimum": 0, "description": "Scores cite findings by position."},
            "topic": {"type": "string"},
            "kind": STRING,
            "value": {"description": "Structured value of the finding (an object, usually)."},
            "start": {"type": "integer", "minimum": 0, "description": "Offset into the version's extracted text."},
            "end": {"type": "integer", "minimum": 1},
            "quote": STRING,
            "rule": STRING,
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "low_confidence": {"type": "boolean"},
            "review_status": {
                "type": "string",
                "enum": ["", *FindingReview.Action.values],
                "description": "'' while only the machine has seen it; else the reviewer's decision.",
            },
            "machine_value": {"description": "The analyser's value when a reviewer corrected it; else null."},
            "counts": {"type": "boolean", "description": "False when a reviewer rejected it: scores leave it out."},
        },
        "A statement the analyser found in the policy, with its evidence quote.",
    ),
    "VendorSummary": _object(VENDOR_SUMMARY),
    "VendorDetail": _object(
        {
            **VENDOR_SUMMARY,
            "created_at": DATETIME,
            "versions_url": URL,
            "current_version": _nullable(_ref("Version")),
            "latest_run": _nullable(_ref("Run")),
            "judged_run": _nullable(_ref("Run")),
            "scores": {"type": "array", "items": _ref("Score"), "description": "Scores of the judged run."},
        }
    ),
    "Version": _object(VERSION_SUMMARY),
    "VersionDetail": _object(
        {
            **VERSION_SUMMARY,
            "vendor_name": STRING,
            "withdrawal_reason": STRING,
            "latest_run": _nullable(_ref("Run")),
            "judged_run": _nullable(_ref("Run")),
            "findings_url": URL,
            "scores_url": URL,
        }
    ),
    "ScoreList": _object(
        {
            "version_id": ID,
            "run_id": {**_nullable(ID), "description": "The run scored; null if no run has succeeded."},
            "results": {"type": "array", "items": _ref("Score")},
        }
    ),
}
_PAGE = {
    "count": {"type": "integer", "minimum": 0},
    "next": _nullable(URL),
    "previous": _nullable(URL),
}
SCHEMAS["VendorPage"] = _object({**_PAGE, "results": {"type": "array", "items": _ref("VendorSummary")}})
SCHEMAS["VersionPage"] = _object({**_PAGE, "results": {"type": "array", "items": _ref("Version")}})
SCHEMAS["FindingPage"] = _object(
    {
        "version_id": ID,
        "run_id": {**_nullable(ID), "description": "The run the findings come from; null if none succeeded."},
        **_PAGE,
        "results": {"type": "array", "items": _ref("Finding")},
    }
)

PARAMETERS = {
    "page": {
        "name": "page",
        "in": "query",
        "description": "Page number, from 1.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 999999999},
    },
    "page_size": {
        "name": "page_size",
        "in": "query",
        "description": f"Rows per page (default {DEFAULT_PAGE_SIZE}).",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
    },
    "slug": {
        "name": "slug",
        "in": "path",
        "required": True,
        "description": "The vendor's slug.",
        "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    },
    "id": {
        "name": "id",
        "in": "path",
        "required": True,
        "description": "The policy version's id.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 999999999999999999},
    },
}


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


ERRORS = {
    "400": _json("Error", "A query parameter is not valid, or not one this endpoint takes."),
    "401": _json("Error", "No token, or a token that is unknown or revoked."),
    "404": _json("Error", "No such resource (or page)."),
}


def _get(operation_id: str, summary: str, schema: str, params: list[str], errors=("400", "401", "404")) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["policies"],
            "parameters": [
                p if isinstance(p, dict) else {"$ref": f"#/components/parameters/{p}"} for p in params
            ],
            "responses": {"200": _json(schema, "OK"), **{code: ERRORS[code] for code in errors}},
        }
    }


PATHS = {
    "/api/vendors/": _get(
        "listVendors",
        "Vendors by name, with their overall grade",
        "VendorPage",
        [
            {
                "name": "q",
                "in": "query",
                "description": "Only vendors whose name contains this (case-insensitive). No NUL characters.",
                "schema": {"type": "string", "maxLength": 100, "pattern": "^[^\\x00]*$"},
            },
            "page",
            "page_size",
        ],
    ),
    "/api/vendors/{slug}/": _get(
        "getVendor", "A vendor: current version, the run it is judged on, grade and scores", "VendorDetail", ["slug"]
    ),
    "/api/vendors/{slug}/versions/": _get(
        "listVendorVersions",
        "A vendor's policy versions, newest upload first (withdrawn ones included, marked)",
        "VersionPage",
        ["slug", "page", "page_size"],
    ),
    "/api/versions/{id}/": _get(
        "getVersion", "A policy version with its latest run", "VersionDetail", ["id"]
    ),
    "/api/versions/{id}/findings/": _get(
        "listVersionFindings",
        "Findings of the version's newest successful run, in the analyser's order",
        "FindingPage",
        [
            "id",
            {
                "name": "topic",
                "in": "query",
                "description": "Only findings on this topic.",
                "schema": {"type": "string", "enum": list(TOPICS)},
            },
            "page",
            "page_size",
        ],
    ),
    "/api/versions/{id}/scores/": _get(
        "listVersionScores", "Scores of the version's newest successful run", "ScoreList", ["id"]
    ),
    "/api/openapi.json": {
        "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This document",
            "tags": ["meta"],
            "security": [],
            "responses": {
                "200": {"description": "The OpenAPI document", "content": {"application/json": {"schema": {}}}},
                "400": ERRORS["400"],
            },
        }
    },
}

DESCRIPTION = """\
Read-only access to PolicyLens: EdTech vendors, the privacy-policy versions they publish, and what the
analysis found in them (findings with evidence quotes, and scores).

Authenticate with a per-user token: `Authorization: Bearer <token>`. An administrator issues one with
`manage.py create_api_token USERNAME` and can revoke it in the Django admin.

A vendor is judged on the newest *successful* analysis run of its current version (`judged_run`);
`latest_run` is the newest run of any state, so a client can tell "re-analysing" or "failed".
Lists are paginated (`page`, `page_size`; `count`, `next`, `previous`). Every error is JSON:
`{"error": code, "message": text}`. Methods other than GET and HEAD get 405.
"""


@cache
def _document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "PolicyLens API", "version": VERSION, "description": DESCRIPTION},
        "servers": [{"url": "/"}],
        "security": [{"bearerToken": []}],
        "tags": [{"name": "policies"}, {"name": "meta"}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "parameters": PARAMETERS,
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A token from `manage.py create_api_token`.",
                }
            },
        },
    }


def document() -> dict:
    return copy.deepcopy(_document())
