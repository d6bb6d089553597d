"""Schema versions of the ledger database and the forward migrations between them.

The schema version is SQLite's ``PRAGMA user_version``. Each entry of :data:`MIGRATIONS` takes a
database from version ``n - 1`` to ``n``; they are never edited once released, only appended to,
so a database made by any earlier program opens in a later one.

Record ids are AUTOINCREMENT: an id is never given again after its record is deleted, so the audit
log and attachment links of a deleted record can never pass to a new one.
"""

from __future__ import annotations

V1_RECORDS = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE county (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    lead_department TEXT NOT NULL DEFAULT '',
    profile TEXT NOT NULL,
    clerk TEXT NOT NULL DEFAULT ''
);
CREATE TABLE year_targets (
    year INTEGER PRIMARY KEY,
    alleys INTEGER NOT NULL,
    boutique INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE alleys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    subdistrict TEXT NOT NULL,
    community TEXT NOT NULL DEFAULT '',
    area_type TEXT NOT NULL DEFAULT '社区',
    start_point TEXT NOT NULL DEFAULT '',
    end_point TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL DEFAULT '',
    length_m REAL,
    red_line_width_m REAL,
    road_class TEXT NOT NULL DEFAULT '支路以下',
    households INTEGER,
    population INTEGER,
    shops INTEGER,
    chief TEXT NOT NULL DEFAULT '',
    chief_phone TEXT NOT NULL DEFAULT '',
    start_lng REAL,
    start_lat REAL,
    end_lng REAL,
    end_lat REAL,
    notes TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alley_id INTEGER NOT NULL REFERENCES alleys(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    surveyed_on TEXT NOT NULL,
    surveyor TEXT NOT NULL DEFAULT '',
    length_m REAL,
    avg_width_m REAL,
    area_m2 REAL,
    population INTEGER,
    households INTEGER,
    shops INTEGER,
    illegal_buildings INTEGER NOT NULL DEFAULT 0,
    illegal_building_m2 REAL NOT NULL DEFAULT 0,
    overdue_temp_structures INTEGER NOT NULL DEFAULT 0,
    illegal_billboards INTEGER NOT NULL DEFAULT 0,
    ground_locks INTEGER NOT NULL DEFAULT 0,
    dead_corners INTEGER NOT NULL DEFAULT 0,
    exposed_garbage_points INTEGER NOT NULL DEFAULT 0,
    public_toilets INTEGER NOT NULL DEFAULT 0,
    toilets_with_odour INTEGER NOT NULL DEFAULT 0,
    sorting_bins INTEGER NOT NULL DEFAULT 0,
    road_hardened INTEGER NOT NULL DEFAULT 1,
    road_damaged_m2 REAL NOT NULL DEFAULT 0,
    potholes INTEGER NOT NULL DEFAULT 0,
    ponding_points INTEGER NOT NULL DEFAULT 0,
    sidewalk_defects INTEGER NOT NULL DEFAULT 0,
    missing_covers INTEGER NOT NULL DEFAULT 0,
    signage_ok INTEGER NOT NULL DEFAULT 1,
    accessible INTEGER NOT NULL DEFAULT 1,
    dead_end INTEGER NOT NULL DEFAULT 0,
    tangled_cable_spans INTEGER NOT NULL DEFAULT 0,
    cables_can_go_underground INTEGER,
    lamp_positions INTEGER NOT NULL DEFAULT 0,
    lamps_installed INTEGER NOT NULL DEFAULT 0,
    lamps_working INTEGER NOT NULL DEFAULT 0,
    cameras INTEGER NOT NULL DEFAULT 0,
    fire_lane_marked INTEGER NOT NULL DEFAULT 1,
    hydrants INTEGER NOT NULL DEFAULT 0,
    extinguishers INTEGER NOT NULL DEFAULT 0,
    green_m2 REAL NOT NULL DEFAULT 0,
    green_gaps INTEGER NOT NULL DEFAULT 0,
    heritage TEXT NOT NULL DEFAULT '[]',
    parking_spaces INTEGER NOT NULL DEFAULT 0,
    problems_found TEXT NOT NULL DEFAULT '',
    residents_requests TEXT NOT NULL DEFAULT ''
);
CREATE TABLE survey_pipes (
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    year_laid INTEGER,
    condition TEXT NOT NULL DEFAULT '良好',
    rain_sewage_separated INTEGER,
    PRIMARY KEY (survey_id, position)
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alley_id INTEGER NOT NULL REFERENCES alleys(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    category TEXT NOT NULL,
    total_investment_yuan INTEGER NOT NULL DEFAULT 0,
    funding_central_yuan INTEGER NOT NULL DEFAULT 0,
    funding_region_yuan INTEGER NOT NULL DEFAULT 0,
    funding_city_yuan INTEGER NOT NULL DEFAULT 0,
    funding_county_yuan INTEGER NOT NULL DEFAULT 0,
    funding_social_yuan INTEGER NOT NULL DEFAULT 0,
    builder TEXT NOT NULL DEFAULT '',
    designer TEXT NOT NULL DEFAULT '',
    contractor TEXT NOT NULL DEFAULT '',
    supervisor TEXT NOT NULL DEFAULT '',
    tender_method TEXT NOT NULL DEFAULT '',
    winning_bidder TEXT NOT NULL DEFAULT '',
    contract_no TEXT NOT NULL DEFAULT '',
    contract_amount_yuan INTEGER,
    planned_approved_on TEXT,
    approved_on TEXT,
    planned_tender_on TEXT,
    tender_on TEXT,
    planned_contract_on TEXT,
    contract_on TEXT,
    planned_start_on TEXT,
    start_on TEXT,
    planned_completion_on TEXT,
    completion_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    UNIQUE (alley_id, year)
);
CREATE TABLE plan_measures (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    quantity TEXT,
    unit TEXT NOT NULL DEFAULT '',
    estimated_investment_yuan INTEGER,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, position)
);
CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    reported_on TEXT NOT NULL,
    progress_text TEXT NOT NULL DEFAULT '',
    cumulative_investment_yuan INTEGER NOT NULL DEFAULT 0,
    problems TEXT NOT NULL DEFAULT ''
);
CREATE TABLE acceptances (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    accepted_on TEXT NOT NULL,
    builder_unit TEXT NOT NULL DEFAULT '',
    builder_rep TEXT NOT NULL DEFAULT '',
    designer_unit TEXT NOT NULL DEFAULT '',
    designer_rep TEXT NOT NULL DEFAULT '',
    contractor_unit TEXT NOT NULL DEFAULT '',
    contractor_rep TEXT NOT NULL DEFAULT '',
    supervisor_unit TEXT NOT NULL DEFAULT '',
    supervisor_rep TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL,
    defects TEXT NOT NULL DEFAULT '',
    rectification TEXT NOT NULL DEFAULT '',
    rectified_on TEXT,
    settlement_yuan INTEGER,
    lamp_positions INTEGER,
    lamps_installed INTEGER,
    lamps_working INTEGER,
    standard_eval_by TEXT NOT NULL DEFAULT '',
    standard_eval_on TEXT,
    standard_eval_result TEXT,
    boutique_eval_by TEXT NOT NULL DEFAULT '',
    boutique_eval_on TEXT,
    boutique_eval_result TEXT
);
CREATE TABLE filings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    filing_no TEXT NOT NULL DEFAULT '',
    filed_on TEXT,
    receiving_department TEXT NOT NULL DEFAULT '',
    builder_contact TEXT NOT NULL DEFAULT '',
    builder_phone TEXT NOT NULL DEFAULT '',
    project_location TEXT NOT NULL DEFAULT '',
    contract_price_yuan INTEGER,
    construction_permit_no TEXT NOT NULL DEFAULT '',
    planning_permit_no TEXT NOT NULL DEFAULT '',
    quality_supervisor TEXT NOT NULL DEFAULT '',
    units TEXT NOT NULL DEFAULT '[]',
    archive_no TEXT NOT NULL DEFAULT '',
    compiled_by TEXT NOT NULL DEFAULT '',
    box_no TEXT NOT NULL DEFAULT '',
    volume_no TEXT NOT NULL DEFAULT '',
    retention TEXT NOT NULL DEFAULT '永久',
    security TEXT NOT NULL DEFAULT '内部',
    location TEXT NOT NULL DEFAULT '',
    archived_on TEXT,
    compiler TEXT NOT NULL DEFAULT '',
    compiled_on TEXT,
    checker TEXT NOT NULL DEFAULT '',
    checked_on TEXT,
    locked_at TEXT
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE filing_documents (
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    doc_no TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    doc_date TEXT,
    pages INTEGER NOT NULL DEFAULT 1,
    medium TEXT NOT NULL DEFAULT '纸质',
    attachment_id INTEGER REFERENCES attachments(id),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (filing_id, position)
);
CREATE TABLE attachment_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    owner_table TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE problems (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alley_id INTEGER NOT NULL REFERENCES alleys(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '网格巡查',
    category TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    reported_on TEXT NOT NULL,
    urgency TEXT NOT NULL DEFAULT '一般',
    assigned_department TEXT NOT NULL DEFAULT '',
    assigned_on TEXT,
    handled_on TEXT,
    result TEXT NOT NULL DEFAULT '',
    feedback_on TEXT,
    satisfaction TEXT,
    closed_on TEXT
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER,
    record_key TEXT NOT NULL DEFAULT '',
    changes TEXT NOT NULL DEFAULT '{}',
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alleys_by_place ON alleys (subdistrict, community);
CREATE INDEX alleys_by_name ON alleys (name);
CREATE INDEX surveys_by_alley ON surveys (alley_id, surveyed_on);
CREATE INDEX plans_by_year ON plans (year, category);
CREATE INDEX progress_by_plan ON progress_reports (plan_id, reported_on);
CREATE INDEX progress_by_month ON progress_reports (reported_on);
CREATE INDEX problems_by_alley ON problems (alley_id);
CREATE INDEX problems_open ON problems (closed_on, reported_on);
CREATE INDEX attachment_links_by_owner ON attachment_links (owner_table, owner_id);
CREATE INDEX audit_by_record ON audit_log (table_name, record_id);
"""

# Version 2: the loadable holiday table for years the PRC holiday package does not cover (R10),
# and indexes for the audit viewer and the problem ledger's department filter.
V2_HOLIDAYS = """
CREATE TABLE holidays (
    day TEXT PRIMARY KEY,
    is_workday INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);
CREATE TABLE holiday_years (
    year INTEGER PRIMARY KEY,
    source TEXT NOT NULL DEFAULT '',
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_time ON audit_log (at);
CREATE INDEX problems_by_department ON problems (assigned_department, closed_on);
"""

# Version 3: ledgers as counties fill them (domain.md §2, §5). A plan's 类别 may be unknown (a ledger
# without it, or with words that are not a category); its 改造内容 is kept word for word, with the
# measure groups it names without specifics; a plan can be withdrawn (撤销) from its year. SQLite
# cannot drop NOT NULL from a column, so the plans table is rebuilt (the runner turns foreign-key
# enforcement off around a migration and checks every reference before it commits).
V3_LEDGER_WORDS = """
CREATE TABLE plans_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alley_id INTEGER NOT NULL REFERENCES alleys(id),
    changed_at TEXT,
    changed_by TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    category TEXT,
    content_text TEXT NOT NULL DEFAULT '',
    declared_groups TEXT NOT NULL DEFAULT '[]',
    total_investment_yuan INTEGER NOT NULL DEFAULT 0,
    funding_central_yuan INTEGER NOT NULL DEFAULT 0,
    funding_region_yuan INTEGER NOT NULL DEFAULT 0,
    funding_city_yuan INTEGER NOT NULL DEFAULT 0,
    funding_county_yuan INTEGER NOT NULL DEFAULT 0,
    funding_social_yuan INTEGER NOT NULL DEFAULT 0,
    builder TEXT NOT NULL DEFAULT '',
    designer TEXT NOT NULL DEFAULT '',
    contractor TEXT NOT NULL DEFAULT '',
    supervisor TEXT NOT NULL DEFAULT '',
    tender_method TEXT NOT NULL DEFAULT '',
    winning_bidder TEXT NOT NULL DEFAULT '',
    contract_no TEXT NOT NULL DEFAULT '',
    contract_amount_yuan INTEGER,
    planned_approved_on TEXT,
    approved_on TEXT,
    planned_tender_on TEXT,
    tender_on TEXT,
    planned_contract_on TEXT,
    contract_on TEXT,
    planned_start_on TEXT,
    start_on TEXT,
    planned_completion_on TEXT,
    completion_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    withdrawn_on TEXT,
    withdrawn_reason TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    UNIQUE (alley_id, year)
);
INSERT INTO plans_v3 (id, alley_id, changed_at, changed_by, year, category, total_investment_yuan,
    funding_central_yuan, funding_region_yuan, funding_city_yuan, funding_county_yuan, funding_social_yuan,
    builder, designer, contractor, supervisor, tender_method, winning_bidder, contract_no, contract_amount_yuan,
    planned_approved_on, approved_on, planned_tender_on, tender_on, planned_contract_on, contract_on,
    planned_start_on, start_on, planned_completion_on, completion_on, notes, extra)
SELECT id, alley_id, changed_at, changed_by, year, category, total_investment_yuan,
    funding_central_yuan, funding_region_yuan, funding_city_yuan, funding_county_yuan, funding_social_yuan,
    builder, designer, contractor, supervisor, tender_method, winning_bidder, contract_no, contract_amount_yuan,
    planned_approved_on, approved_on, planned_tender_on, tender_on, planned_contract_on, contract_on,
    planned_start_on, start_on, planned_completion_on, completion_on, notes, extra
FROM plans;
-- ids are never given again: the new table carries on the old one's sequence
INSERT INTO sqlite_sequence (name, seq) SELECT 'plans_v3', 0
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'plans_v3');
UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'plans'), 0))
    WHERE name = 'plans_v3';
DROP TABLE plans;
ALTER TABLE plans_v3 RENAME TO plans;
CREATE INDEX plans_by_year ON plans (year, category);
CREATE INDEX plans_by_alley ON plans (alley_id);
"""

# Version 4: the problem ledger of seed 002 — who complained and the 12345 ticket, the escalation of a
# problem the street cannot handle, a second round of handling after a 不满意 rating and the written
# 情况说明 of a closure — and the grid worker (网格员) responsible for each alley.
V4_PROBLEM_ROUNDS = """
ALTER TABLE problems ADD COLUMN ticket_no TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN complainant TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN complainant_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN unable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN escalated_on TEXT;
ALTER TABLE problems ADD COLUMN escalated_to TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN second_assigned_on TEXT;
ALTER TABLE problems ADD COLUMN second_handled_on TEXT;
ALTER TABLE problems ADD COLUMN second_result TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN second_feedback_on TEXT;
ALTER TABLE problems ADD COLUMN second_satisfaction TEXT;
ALTER TABLE problems ADD COLUMN closing_note TEXT NOT NULL DEFAULT '';
ALTER TABLE alleys ADD COLUMN grid_worker TEXT NOT NULL DEFAULT '';
ALTER TABLE alleys ADD COLUMN grid_worker_phone TEXT NOT NULL DEFAULT '';
"""

# Version 5: tamper evidence (issue 16). The audit log becomes a hash chain (core.store.chain: the
# entries of each write carry a hash that covers them and the write before); a locked plan's packet
# gets a seal, the SHA-256 of its content as locked (core.store.seals). The program fills both in
# for an older database right after this step.
V5_DATA_SAFETY = """
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE TABLE seals (
    plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
    sealed_at TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (V1_RECORDS, V2_HOLIDAYS, V3_LEDGER_WORDS, V4_PROBLEM_ROUNDS, V5_DATA_SAFETY)
"""SQL scripts; ``MIGRATIONS[n - 1]`` upgrades a version ``n - 1`` database to version ``n``."""

LATEST = len(MIGRATIONS)
