// Generated from the api's OpenAPI document by packages/client/scripts/api-types.ts. Do not edit:
// run `pnpm --filter @huiyin/client generate`.

export interface paths {
    "/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published proposals, newest first: a zh-CN page linking to each (Accept: text/html), JSON otherwise. */
        get: operations["publicPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/committees/{committee}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A committee's published proposals, newest first, as /public/proposals for the default committee; an unknown committee publishes nothing (an empty list). */
        get: operations["listCommitteePublicProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/committees/{committee}/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of a committee's published proposals; another committee's, unpublished or unknown id alike is 404. */
        get: operations["getCommitteePublicProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/committees/{committee}/proposals/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a committee's published copy lists, as a download; any other id is 404. */
        get: operations["downloadCommitteePublicAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published proposals, newest first (never withdrawn ones); a page for Accept: text/html. */
        get: operations["listPublicProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published proposal (a zh-CN page for Accept: text/html); an unpublished, withdrawn or unknown id alike is 404. */
        get: operations["getPublicProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/proposals/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file the published copy lists, as a download (Content-Disposition: attachment, nosniff, a sandboxing CSP); any other id is 404. */
        get: operations["downloadPublicAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account of the caller's committee (admin): password set, disabled, locked. A person without a row was never invited. */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the API keys (admin): prefix, role, scope, revocation; never the key. */
        get: operations["listApiKeys"];
        put?: never;
        /** Issue an API key of the admin's committee (admin). The key is in this answer only. Operator keys: admins of the default committee only. */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/acts-for": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace an integrator key's binding (admin): the people and directory roles it may act for. */
        put: operations["bindApiKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key (admin); it stops working at once. */
        post: operations["revokeApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file's bytes as a download (Content-Disposition: attachment, its stored type, nosniff, a sandboxing CSP, ETag and Repr-Digest of its SHA-256). Downloads of reply letters are audited. */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first (admin: its own committee's entries; operator: what operators did and the entries of no committee): keys issued and revoked, directory changes, webhook subscriptions, dead letters retried, failed authentications and refused requests; who, when, from where, what. */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batches the caller sent (staff and admins: all), newest first, running ones included. */
        get: operations["listBatches"];
        put?: never;
        /** Apply one event to many proposals: each in its own transaction, as POST /v1/proposals/{id}/events would (If-Match per item in ifMatch); per-item results. */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch: its progress while running, its per-item results once done. */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working calendar deadlines are counted on: each year's holidays and make-up working days, whether the year is official (the State Council's notice) or provisional (the statutory rules alone), and a warning while the next 12 months are not all official. */
        get: operations["getCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change of the committee's calendar, oldest first: who loaded what and when (admin). */
        get: operations["listCalendarChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/local-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replaces the committee's local days off (a local holiday, the committee's closed days) (admin). `?dryRun=true` lists the open deadlines it would move; otherwise kept and rolled out like a year. */
        put: operations["loadLocalDays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year as the calendar has it now: official or provisional, and who loaded it when (admin). */
        get: operations["getCalendarYear"];
        /** Loads an official year (the State Council's notice: holidays and make-up working days) without a release (admin). `?dryRun=true` lists the open deadlines it would move and changes nothing; otherwise it is kept and every open deadline it moves is moved through the engine (a history entry per proposal, alarms rescheduled). */
        put: operations["loadCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/committee-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's sessions, newest first. */
        get: operations["listCommitteeSessions"];
        put?: never;
        /** Create a session (admin): the days it covers, its plenary dates, its number pattern. */
        post: operations["createCommitteeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/committee-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session. */
        get: operations["getCommitteeSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deployment's committees (operator). */
        get: operations["listCommittees"];
        put?: never;
        /** Add a committee (operator): its id names its rows for good. */
        post: operations["createCommittee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/committees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One committee (operator). */
        get: operations["getCommittee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a committee (operator). */
        patch: operations["updateCommittee"];
        trace?: never;
    };
    "/v1/committees/{id}/admin-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue an admin API key of the committee (operator). The key is in this answer only. */
        post: operations["createCommitteeAdminKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/committees/{id}/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the committee an administrator (operator): a new person of its directory with the admin role, and an invitation link to set their password. */
        post: operations["createCommitteeAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people of the directory by id, with a cursor (admin). */
        get: operations["listDirectoryPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person of the directory (admin). */
        get: operations["getDirectoryPerson"];
        /** Create or replace a person (admin): 201 when new, 200 when replaced; idempotent. */
        put: operations["putDirectoryPerson"];
        post?: never;
        /** Delete a person (admin). Their role assignments go with them; refused while they head a unit. */
        delete: operations["deleteDirectoryPerson"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every role assignment, one item per role label with its holders (admin). */
        get: operations["listDirectoryRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/roles/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds one role (admin): the people escalation at that role reaches. */
        get: operations["getDirectoryRole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/roles/{label}/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a person a role (admin): 201 when new, 200 when they held it already. */
        put: operations["assignDirectoryRole"];
        post?: never;
        /** Take a role from a person (admin); not the admin role of the committee's last enabled admin. */
        delete: operations["unassignDirectoryRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units of the directory by id, with a cursor (admin). */
        get: operations["listDirectoryUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit of the directory (admin). */
        get: operations["getDirectoryUnit"];
        /** Create or replace a unit (admin): 201 when new, 200 when replaced; idempotent. */
        put: operations["putDirectoryUnit"];
        post?: never;
        /** Delete a unit (admin). */
        delete: operations["deleteDirectoryUnit"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A unit's 交办清单 (what it was assigned, by when, where each stands) as a file.
         * @description A unit's key exports its own list only (another unit answers 404); staff, admins and leaders any unit's, as far as they see it. Streamed: rows are read in keyset batches and written as the client takes them (no Content-Length), so a large export starts at once and holds one batch in memory. CSV is UTF-8 with a BOM (Excel shows Chinese), CRLF; a cell starting with = + - @ (a formula to a spreadsheet) is written with a leading apostrophe.
         */
        get: operations["exportAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/compilation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's 提案汇编: every registered proposal with the replies staff accepted and its attachments listed (admin, staff, leader).
         * @description In number order. format=html (the default) is a page to print (one proposal per sheet, print CSS, no script); csv and xlsx a table. Streamed: rows are read in keyset batches and written as the client takes them (no Content-Length), so a large export starts at once and holds one batch in memory. CSV is UTF-8 with a BOM (Excel shows Chinese), CRLF; a cell starting with = + - @ (a formula to a spreadsheet) is written with a leading apostrophe.
         */
        get: operations["exportCompilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proposal list as a file, with any filter of GET /v1/proposals.
         * @description Every proposal the caller sees that matches the filters (no pages): number, session, title, proposers, units, stage, dates, reply grade, evaluation, reasons and suggestions. Replies and grades as the disclosure rules give them to the caller (a unit its own, a proposer those staff accepted); internal notes are never in a file. Streamed: rows are read in keyset batches and written as the client takes them (no Content-Length), so a large export starts at once and holds one batch in memory. CSV is UTF-8 with a BOM (Excel shows Chinese), CRLF; a cell starting with = + - @ (a formula to a spreadsheet) is written with a leading apostrophe.
         */
        get: operations["exportProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The figures of GET /v1/stats as tables (admin, staff, leader).
         * @description One table per breakdown (an .xlsx sheet each; in a CSV, blocks after a blank line and the table's name): `summary` (single figures by their path), then each map of figures (`proposals.byStage`, `rates.byUnit`, …) with a row per key and, for units, their directory names.
         */
        get: operations["exportStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import people (with their roles) and units into the recipients directory (admin).
         * @description One row per person or unit: 类型 (人员/person, 单位/unit), 编号 (the directory id), 姓名/名称, and for people 邮箱, 语言 (zh-CN, en), 角色 (role labels, `;`-separated: staff, unit:<id>, leader:<id>, proposer:<id>, …), for units 负责人编号 (a person of the file or the directory) and 分管领导编号. In one transaction: all rows or none (422 IMPORT_INVALID). Rows equal to the directory are unchanged; roles are added, never removed; so importing the file again changes nothing. A dry run (the default) writes nothing.
         */
        post: operations["importDirectory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import proposals from a file: each is created and submitted through the workflow (admin, staff).
         * @description Columns by heading (the proposal export's headings read back): 外部编号 (the proposal's id in its source; a huiyin export's 提案ID serves), 标题, 理由, 建议 (one per line), 类别, 提案者编号 (member ids, `;`-separated, lead first), 提案者 (names, same order), 提案者类型, 来源渠道; other columns are ignored. A dry run (the default) checks every row, the workflow's check of a submission included, and counts what would be created. dryRun=false imports a file without bad rows: every row (or none: a file with bad rows answers 422 IMPORT_INVALID listing each, and writes nothing) is created and submitted as POST /v1/proposals with submit=true would (history, deadlines, session), by the creator `integrator:import.<committee>.<source>`; the source's id is the natural key, so importing the file again creates nothing. A run cut short by a failure of the server is completed by sending the file again.
         */
        post: operations["importProposals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom an invitation is for, and until when. */
        get: operations["getInvitation"];
        put?: never;
        /** Set one's password with an invitation; the link is used up. */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/migrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run of a migration plan (admin): the plan, dry run or not, who started it, running or done, and how many proposals per outcome (migrated, would-migrate, unchanged, already-migrated, unmappable, not-running). */
        get: operations["getMigrationRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/migrations/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report of a run, one item per proposal in id order (admin): its outcome, the unmappable reason, and what moved (states, version, policy, each deadline's old and new due time). */
        get: operations["listMigrationItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/my-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What waits for the caller's action, most urgent first (overdue, then due soonest in working days), with counts per kind: for staff the reviews, assignments and reply checks; for a unit its confirmations, contacts and replies, and the reports follow-up reviews (回头看) asked of it; for a proposer submissions and ratings; for a leader or a unit head the unacknowledged escalations.
         * @description `items` holds the 50 most urgent duties; `counts` and `total` count all of them, so a caller sees how much lies beyond the page and narrows with the console's proposal list.
         */
        get: operations["getMyWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notice-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notice deliveries, newest first, filtered; status=dead lists the dead letters (admin, staff). */
        get: operations["listNoticeDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notice-deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a dead e-mail, SMS or robot message back on the notifier's queue of its channel for a new round of attempts (admin); idempotent. */
        post: operations["retryNoticeDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notice with every delivery: channel, recipient, status, attempts, last error (admin, staff). */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's robots, their URLs without the key (admin). */
        get: operations["listNotificationRobots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notification-robots/{target}/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the robot of a unit, a leader or the office (admin): 201 when new, 200 when replaced. */
        put: operations["putNotificationRobot"];
        post?: never;
        /** Remove a robot (admin): notices are no longer posted to it; messages still queued for it fail. */
        delete: operations["deleteNotificationRobot"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's inbox, newest first. */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge a notification (the first acknowledgement stands). */
        post: operations["acknowledgeNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/ack-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An e-mail's acknowledge link: a confirmation page whose button POSTs; changes nothing. */
        get: operations["viewAckLink"];
        put?: never;
        /** Acknowledge a notification through its e-mail link (the first acknowledgement stands). */
        post: operations["acknowledgeByLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's account (admin): password set, disabled, locked; never the hash. */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delegations a person gave or received (admin, or the person themself), latest first. */
        get: operations["listDelegations"];
        put?: never;
        /** Delegate a person's roles to another for a period (admin, or the person themself): during it the delegate holds them too. */
        post: operations["createDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/delegations/{delegationId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a delegation at once (admin, the delegator or the delegate). */
        post: operations["revokeDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a person's sign-in (admin); their sessions end at once. Not one's own, nor the last enabled admin's. */
        post: operations["disableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled person's sign-in again (admin). */
        post: operations["enableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person to set a password (admin): a single-use link, valid INVITATION_TTL_HOURS, answered to the admin and e-mailed to the person when SMTP is on. Their earlier invitations are withdrawn. */
        post: operations["invitePerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/succession": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a leaver's roles (unit contact and head, leader, staff; not a proposer's) and open items to a successor (admin); disable or keep the leaver's account. */
        post: operations["handOver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a lockout after failed sign-ins (admin). */
        post: operations["unlockAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy new proposals are registered under (admin). */
        get: operations["getPolicy"];
        /** Keeps a new policy version (admin): an override of the default policy, validated in full. It applies to proposals registered after it; running proposals keep theirs. */
        put: operations["putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the committee's policy, newest first, with who changed it and when (admin). */
        get: operations["listPolicyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the proposals the key may see, filtered, newest first, with a cursor. */
        get: operations["listProposals"];
        put?: never;
        /** Create a proposal (a draft, or submitted at once with submit: true). */
        post: operations["createProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal: state, content, assignment, open deadlines, the events the key may send now. */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposal's attachments the caller may see, oldest first. */
        get: operations["listAttachments"];
        put?: never;
        /** Upload a file to the proposal: the body is the file's bytes, Content-Type its type (or application/octet-stream), ?filename= its name. The type is judged from the bytes; send the returned id in an event's attachmentIds. */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an event ({ type, ...payload }). */
        post: operations["sendProposalEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, oldest first. */
        get: operations["listProposalHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directory's names of the units and people the proposal's page shows (its units, proposers, leader, deadlines; who acted and whom the history the caller may read names), from the caller's committee. Ids the directory does not know are left out. */
        get: operations["getProposalNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/proposals/{id}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publication record: the public copy, the redactions, who published and who withdrew. */
        get: operations["getPublication"];
        put?: never;
        /** Publish the proposal and its accepted replies (being evaluated or closed), each redaction's text replaced by [已删除]; publishing again replaces the public copy. 201 first, 200 after. */
        post: operations["publishProposal"];
        /** Withdraw a publication with a reason: the public endpoints answer 404 for it at once. */
        delete: operations["withdrawPublication"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/saved-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved filters, by name. */
        get: operations["listSavedFilters"];
        put?: never;
        /** Save a filter under a name: the query string of GET /v1/proposals without cursor and limit. A known name's query is replaced (200). */
        post: operations["saveFilter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/saved-filters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of the caller's saved filters. */
        delete: operations["deleteSavedFilter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person, their roles as they stand now, and the CSRF token. */
        get: operations["getSession"];
        put?: never;
        /** Sign in with the e-mail and password: sets the huiyin_session cookie (HttpOnly, SameSite=Lax). One answer for every failure. */
        post: operations["signIn"];
        /** Sign out: the session ends on the server and the cookie is cleared. */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether people may sign in with the identity platform (OIDC): its name, or 404 OIDC_DISABLED. */
        get: operations["getOidcSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Back from the identity platform: checks the answer against the attempt's cookie, signs the person in (the huiyin_session cookie, as POST /v1/session) and answers 303 to the console page asked for. A browser (Accept: text/html) that cannot be signed in is sent to the sign-in page with ?error=<code>. */
        get: operations["finishOidcSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A browser's way to the identity platform: 303 to its authorization URL (code flow, PKCE, state, nonce), with a sealed, httpOnly cookie of the attempt. */
        get: operations["startOidcSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics with rates over one session (sessionId) and/or the proposals submitted in [from, to): registered / not registered by ground, assigned, replied, on time (办复率, 按期办复率), A/B/C, evaluations (满意率), re-handled, overdue now and ever, working days to reply (average, p90); broken down with groupBy (unit, leader, category, proposerType, sourceChannel, session). Every count carries `list`, the GET /v1/proposals query of the proposals behind it. Also proposals per stage, key proposals, overdue deadlines per unit. Admin and staff: the committee; a leader: what it may see; a unit: its proposals and its own row. */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's handling units by id and name (admin, staff, leader): to pick a unit by its name when assigning. */
        get: operations["listUnitNames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again: a new delivery of the same message (same body and webhook-id) with a fresh round of attempts. */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's webhook subscriptions (an admin sees all), without secrets. */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to webhook topics (admin, integrator). The signing secret (`whsec_<base64>`) is in this answer only; deliveries are signed in the Standard Webhooks format (webhook-id, webhook-timestamp, webhook-signature) and with Huiyin-Signature: t=<unix>,v1=<hex HMAC-SHA256 of `<t>.<body>`>. The payloads are under the document's `webhooks`. */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription. */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a subscription: nothing more is sent to it, pending deliveries are cancelled. */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a subscription's URL, topics or both; a new URL is checked against the outbound policy as at creation. Deliveries still to send go to the new URL. */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscription's deliveries, newest first: status, attempts, last status code and error. */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed `webhook.ping` now (one attempt, no retries) and answer with its delivery: delivered, or failed with the status code or problem. */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret: the new one is in this answer only; the old one still signs (beside the new) for overlapSeconds (a day by default, 0 to stop at once). */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's role and scope; with X-On-Behalf-Of, the person the key acts for and their roles. */
        get: operations["whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proposal machine: states, events and effects as data, and a Mermaid diagram. */
        get: operations["getProposalWorkflow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "deadline.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An overdue deadline escalated. */
        post: operations["onDeadlineEscalated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proposal closed, and why. */
        post: operations["onProposalClosed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proposal entered a stage. */
        post: operations["onProposalStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A test ping (POST /v1/webhooks/{id}/ping). */
        post: operations["onWebhookPing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AcceptInvitation: {
            password: string;
        };
        Account: {
            disabledAt: string | null;
            failedAttempts: number;
            hasPassword: boolean;
            lockedAt: string | null;
            passwordSetAt: string | null;
            personId: string;
        };
        AccountList: {
            items: components["schemas"]["Account"][];
        };
        AckLinkNotice: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            id: string;
            kind: string;
            level: number;
            proposalId: string;
        };
        ActsFor: {
            /** @default [] */
            people: string[];
            /** @default [] */
            roles: string[];
        };
        ApiKey: {
            actorId: string;
            /** @description An integrator key's binding: whom it may act for with X-On-Behalf-Of (empty for other keys). */
            actsFor: {
                people: string[];
                roles: string[];
            };
            /** @description The committee whose data the key reaches ('default' in a deployment of one). */
            committeeId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string | null;
            prefix: string;
            revokedAt: string | null;
            /** @enum {string} */
            role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
            unitId: string | null;
        };
        ApiKeyCreated: {
            actorId: string;
            /** @description An integrator key's binding: whom it may act for with X-On-Behalf-Of (empty for other keys). */
            actsFor: {
                people: string[];
                roles: string[];
            };
            /** @description The committee whose data the key reaches ('default' in a deployment of one). */
            committeeId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            key: string;
            name: string | null;
            prefix: string;
            revokedAt: string | null;
            /** @enum {string} */
            role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
            unitId: string | null;
        };
        ApiKeyList: {
            items: components["schemas"]["ApiKey"][];
        };
        Attachment: {
            /** @enum {string} */
            contentType: "application/pdf" | "application/ofd" | "image/jpeg" | "image/png" | "image/webp" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "application/msword" | "application/vnd.ms-excel";
            events: {
                seq: number;
                type: string;
            }[];
            filename: string;
            href: string;
            id: string;
            proposalId: string;
            sha256: string;
            size: number;
            /** Format: date-time */
            uploadedAt: string;
            uploadedBy: {
                id: string;
                role: string;
                unitId: string | null;
            };
        };
        AttachmentList: {
            items: components["schemas"]["Attachment"][];
        };
        AuditEntry: {
            /** @enum {string} */
            action: "api-key.issue" | "api-key.revoke" | "api-key.bind" | "delegation.create" | "delegation.revoke" | "person.succession" | "directory.person.save" | "directory.person.delete" | "directory.unit.save" | "directory.unit.delete" | "directory.role.assign" | "directory.role.unassign" | "webhook.subscribe" | "webhook.unsubscribe" | "notification-robot.save" | "notification-robot.delete" | "webhook.update" | "webhook.secret-rotate" | "webhook.ping" | "webhook.redeliver" | "notice-delivery.retry" | "publication.publish" | "publication.withdraw" | "account.invite" | "account.password-set" | "account.lock" | "account.unlock" | "account.disable" | "account.enable" | "session.start" | "session.end" | "attachment.upload" | "attachment.download" | "committee-session.create" | "directory.import" | "proposals.import" | "committee.create" | "committee.update" | "committee.admin-key.issue" | "committee.admin.invite" | "authentication.failed" | "access.refused";
            actor: {
                actorId: string | null;
                keyId: string;
                keyPrefix: string | null;
                role: string | null;
            } | null;
            address: string | null;
            /** Format: date-time */
            at: string;
            /** @description The committee the action concerned; null for a failed authentication. */
            committeeId: string | null;
            details: unknown;
            id: string;
            /** @enum {string} */
            outcome: "succeeded" | "refused" | "failed";
            requestId: string | null;
            target: {
                id: string | null;
                type: string;
            } | null;
        };
        AuditEntryPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: string | null;
        };
        Batch: {
            counts: {
                applied: number;
                notFound: number;
                refused: number;
            };
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            event: {
                [key: string]: unknown;
            };
            finishedAt: string | null;
            id: string;
            /** @description The items decided so far, in the order of proposalIds. */
            items: {
                /** @description Why it was refused or not found: the code a single event would answer (a 403's details.reason). */
                code?: string;
                message?: string;
                /** @enum {string} */
                outcome: "applied" | "refused" | "not_found";
                proposalId: string;
                /** @description The proposal's version after the event (applied). */
                version?: number;
            }[];
            /** @enum {string} */
            status: "running" | "done" | "failed";
            total: number;
        };
        BatchPage: {
            items: components["schemas"]["Batch"][];
            nextCursor: string | null;
        };
        Calendar: {
            coverage: {
                gaps: {
                    /** @enum {string} */
                    status: "provisional" | "missing";
                    year: number;
                }[];
                months: number;
                warning: string | null;
            };
            id: string;
            localClosedDays: {
                from: string;
                name: string;
                to: string;
            }[];
            name: string;
            utcOffsetMinutes: number;
            weekend: number[];
            years: {
                holidays: {
                    from: string;
                    makeUpWorkdays: string[];
                    name: string;
                    to: string;
                }[];
                source: string | null;
                /** @enum {string} */
                status: "official" | "provisional";
                year: number;
            }[];
        };
        CalendarChange: {
            calendarId: string;
            /** @description The committee's calendar version this change made. */
            id: number;
            /** @enum {string} */
            kind: "year" | "local-days";
            /** Format: date-time */
            loadedAt: string;
            /** @description `<role>:<actor id>` of the key, or `file:<name>` for the calendar folder. */
            loadedBy: string;
            /** @description The notice the year comes from. */
            source: string | null;
            year: number | null;
        };
        CalendarChangeList: {
            items: components["schemas"]["CalendarChange"][];
        };
        CalendarChangeResult: {
            change: components["schemas"]["CalendarChange"] | null;
            dryRun: boolean;
            moves: {
                deadlineId: string;
                kind: string;
                /** Format: date-time */
                newDueAt: string;
                /** Format: date-time */
                oldDueAt: string;
                proposalId: string;
                unitId: string | null;
            }[];
        };
        CalendarYearView: {
            calendarId: string;
            holidays: {
                from: string;
                makeUpWorkdays: string[];
                name: string;
                to: string;
            }[];
            loaded: components["schemas"]["CalendarChange"] | null;
            source: string | null;
            /** @enum {string} */
            status: "official" | "provisional";
            year: number;
        };
        Caller: {
            actorId: string;
            /** @description The caller's committee: everything it reads and writes is that committee's. */
            committeeId: string;
            /** @description The person an integrator key acts for (X-On-Behalf-Of). */
            onBehalfOf?: string;
            prefix: string;
            /** @enum {string} */
            role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
            /** @description Acting for a person: the roles of theirs the key acts under now. */
            roles?: {
                /** @enum {string} */
                role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
                scope: string;
            }[];
            unitId: string | null;
        };
        Committee: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CommitteeAdminInvited: {
            committeeId: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description The invitation link to pass on: its holder sets the password. */
            link: string;
            personId: string;
            roles: string[];
        };
        CommitteeAdminKey: {
            actorId: string;
            committeeId: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @description The key, in this answer only. */
            key: string;
            name: string | null;
            prefix: string;
            revokedAt: string | null;
            /** @enum {string} */
            role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
            unitId: string | null;
        };
        CommitteeList: {
            items: components["schemas"]["Committee"][];
        };
        CommitteeSession: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            endsOn: string;
            id: string;
            /** @description The last number given in the session (0: none yet). */
            lastNumber: number;
            name: string;
            numberPattern: string;
            plenaryEndsOn: string;
            plenaryStartsOn: string;
            startsOn: string;
        };
        CommitteeSessionList: {
            items: components["schemas"]["CommitteeSession"][];
        };
        CreateApiKey: {
            actorId: string;
            actsFor?: {
                /** @default [] */
                people: string[];
                /** @default [] */
                roles: string[];
            };
            name?: string;
            /** @enum {string} */
            role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
            unitId?: string;
        };
        CreateBatch: {
            event: {
                attachmentIds?: string[];
                content?: {
                    category: string;
                    reasons: string;
                    suggestions: string[];
                    title: string;
                };
                /** @constant */
                type: "submit";
            } | {
                reason: string;
                /** @constant */
                type: "withdraw";
            } | {
                category: string;
                key?: boolean;
                /** @constant */
                type: "review.register";
            } | {
                /** @enum {string} */
                ground?: "outside-remit" | "private-matter" | "litigation" | "state-secret" | "duplicate" | "no-suggestion" | "several-matters" | "unverified-facts" | "advertising" | "other";
                reason: string;
                /** @constant */
                type: "review.reject";
            } | {
                reason: string;
                /** @enum {string} */
                target: "opinion" | "public-sentiment" | "letter";
                /** @constant */
                type: "review.convert";
            } | {
                intoId: string;
                /** @constant */
                type: "review.merge";
            } | {
                reason: string;
                /** @constant */
                type: "review.return";
            } | {
                attachmentIds?: string[];
                content: {
                    category: string;
                    reasons: string;
                    suggestions: string[];
                    title: string;
                };
                /** @constant */
                type: "resubmit";
            } | {
                /** @enum {string} */
                mode: "sole" | "lead-co" | "separate";
                replyDueDate?: string;
                /** @constant */
                type: "assign";
                units: {
                    /** @enum {string} */
                    role: "lead" | "co" | "separate";
                    unitId: string;
                }[];
            } | {
                /** @constant */
                type: "unit.acknowledge";
            } | {
                reason: string;
                /** @constant */
                type: "unit.object";
            } | {
                leaderId: string;
                /** @constant */
                type: "key.designate";
            } | {
                /** @enum {string} */
                channel: "meeting" | "visit" | "phone" | "online" | "letter";
                /** Format: date-time */
                contactedAt: string;
                summary: string;
                /** @constant */
                type: "handle.contact";
            } | {
                attachmentIds?: string[];
                opinion: string;
                /** @constant */
                type: "handle.coOpinion";
            } | {
                newDueDate: string;
                reason: string;
                /** @constant */
                type: "handle.requestExtension";
            } | {
                /** @constant */
                type: "extension.approve";
                unitId?: string;
            } | {
                reason: string;
                /** @constant */
                type: "extension.deny";
                unitId?: string;
            } | {
                attachmentIds?: string[];
                /** @enum {string} */
                classification: "A" | "B" | "C";
                signedOffBy: string;
                text: string;
                /** @constant */
                type: "handle.reply";
            } | {
                /** @enum {string} */
                mode: "on-site" | "joint" | "online" | "tracking";
                note: string;
                /** @constant */
                type: "supervise.record";
            } | {
                /** @constant */
                type: "supervise.acceptReply";
                unitId?: string;
            } | {
                reason: string;
                /** @constant */
                type: "supervise.returnReply";
                unitId?: string;
            } | {
                comment: string;
                rehandle?: boolean;
                /** @enum {string} */
                result: "satisfied" | "basically-satisfied" | "unsatisfied";
                /** @constant */
                type: "evaluate";
                unitIds?: string[];
                units?: {
                    /** @enum {string} */
                    result: "satisfied" | "basically-satisfied" | "unsatisfied";
                    unitId: string;
                }[];
            } | {
                /** @enum {string} */
                classification: "A" | "B" | "C";
                reason: string;
                /** @constant */
                type: "supervise.reclassify";
                unitId?: string;
            } | {
                attachmentIds?: string[];
                progress: string;
                resolved: boolean;
                /** @constant */
                type: "followup.report";
            } | {
                reason: string;
                /** @constant */
                type: "tracking.close";
                unitId?: string;
            } | {
                add?: {
                    /** @enum {string} */
                    role: "lead" | "co" | "separate";
                    unitId: string;
                }[];
                reason: string;
                remove?: string[];
                /** @constant */
                type: "handle.reassign";
            } | {
                place: string;
                /** Format: date-time */
                scheduledAt: string;
                /** @constant */
                type: "consultation.arrange";
            } | {
                /** Format: date-time */
                heldAt: string;
                participants: string[];
                summary: string;
                /** @constant */
                type: "consultation.record";
            } | {
                note: string;
                /** @constant */
                type: "lookback.open";
            } | {
                dueDate?: string;
                findings: string;
                request?: string;
                /** @constant */
                type: "lookback.record";
                unitId?: string;
            } | {
                report: string;
                /** @constant */
                type: "lookback.report";
            } | {
                fromId: string;
                proposers: {
                    id: string;
                    name?: string;
                }[];
                /** @constant */
                type: "merge.link";
            } | {
                deadlineId: string;
                level?: number;
                /** @constant */
                type: "deadline.remind";
            } | {
                deadlineId: string;
                level?: number;
                /** @constant */
                type: "deadline.due";
            } | {
                deadlineId: string;
                level: number;
                /** @constant */
                type: "deadline.escalate";
            };
            ifMatch?: {
                [key: string]: number;
            };
            proposalIds: string[];
        };
        CreateCommittee: {
            id: string;
            name: string;
        };
        CreateCommitteeAdmin: {
            /** Format: email */
            email: string;
            /**
             * @default zh-CN
             * @enum {string}
             */
            language: "zh-CN" | "en";
            name: string;
            personId: string;
        };
        CreateCommitteeAdminKey: {
            actorId: string;
            name?: string;
        };
        CreateCommitteeSession: {
            /** Format: date */
            endsOn: string;
            name: string;
            /** @default {n} */
            numberPattern: string;
            /** Format: date */
            plenaryEndsOn: string;
            /** Format: date */
            plenaryStartsOn: string;
            /** Format: date */
            startsOn: string;
        };
        CreateDelegation: {
            delegateId: string;
            /**
             * Format: date-time
             * @description The start (included).
             */
            from: string;
            reason?: string;
            /**
             * @description Which of the delegator's roles; empty: all but admin.
             * @default []
             */
            roles: string[];
            /**
             * Format: date-time
             * @description The end (excluded).
             */
            until: string;
        };
        CreateProposal: {
            /** @default  */
            category: string;
            /** @enum {string} */
            channel?: "plenary" | "interim" | "public-platform";
            externalId?: string;
            proposers: {
                id: string;
                name?: string;
            }[];
            /** @enum {string} */
            proposerType?: "member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective";
            /** @default  */
            reasons: string;
            submit?: boolean;
            /** @default [] */
            suggestions: string[];
            title: string;
        };
        CreateWebhook: {
            description?: string;
            events: ("proposal.stage" | "proposal.closed" | "deadline.escalated" | "*")[];
            url: string;
        };
        CurrentPolicy: {
            changedAt: string | null;
            changedBy: string | null;
            policy: {
                [key: string]: unknown;
            };
            /** @description null: no version kept, the default policy applies. */
            version: number | null;
        };
        Delegation: {
            /** @description Whether it holds now: within its period and not revoked. */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            delegateId: string;
            delegatorId: string;
            /** Format: date-time */
            from: string;
            id: string;
            reason: string | null;
            revokedAt: string | null;
            revokedBy: string | null;
            roles: string[];
            /** Format: date-time */
            until: string;
        };
        DelegationList: {
            items: components["schemas"]["Delegation"][];
        };
        DirectoryPerson: {
            channels: {
                [key: string]: ("inbox" | "email")[];
            } | null;
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            /** @description The units this person heads. */
            headOf: string[];
            id: string;
            /** @enum {string} */
            language: "zh-CN" | "en";
            name: string;
            /** @description A mobile number for SMS notices. */
            phone: string | null;
            /** @description The role labels held: `staff-head`, `leader:<id>`, `unit:<id>`, … */
            roles: string[];
            /** Format: date-time */
            updatedAt: string;
        };
        DirectoryPersonPage: {
            items: components["schemas"]["DirectoryPerson"][];
            nextCursor: string | null;
        };
        DirectoryRole: {
            label: string;
            people: components["schemas"]["DirectoryPerson"][];
            role: string;
            scope: string;
        };
        DirectoryRoleAssignment: {
            label: string;
            personId: string;
            role: string;
            scope: string;
        };
        DirectoryRoleList: {
            items: {
                label: string;
                personIds: string[];
                role: string;
                scope: string;
            }[];
        };
        DirectoryUnit: {
            /** Format: date-time */
            createdAt: string;
            headPersonId: string | null;
            id: string;
            name: string;
            supervisorLeaderId: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        DirectoryUnitPage: {
            items: components["schemas"]["DirectoryUnit"][];
            nextCursor: string | null;
        };
        Error: {
            error: {
                /** @description A stable code: MALFORMED_JSON (400), INVALID_QUERY (400), INVALID_IF_MATCH (400), INVALID_IDEMPOTENCY_KEY (400), MALFORMED_URL (400), INVALID_CHARACTER (400), BODY_TOO_DEEP (400), MALFORMED_BODY_ENCODING (400), BAD_REQUEST (400), UNAUTHENTICATED (401), SIGN_IN_FAILED (401), OIDC_DISABLED (404), OIDC_NEXT_REFUSED (400), OIDC_FLOW_INVALID (400), OIDC_SIGN_IN_FAILED (401), OIDC_UNAVAILABLE (503), FORBIDDEN (403), CSRF_REJECTED (403), ACK_LINK_INVALID (403), ON_BEHALF_NOT_INTEGRATOR (403), ON_BEHALF_UNKNOWN_PERSON (403), ON_BEHALF_PERSON_DISABLED (403), ON_BEHALF_NOT_BOUND (403), NOT_FOUND (404), INVITATION_INVALID (404), EVENT_NOT_ALLOWED (409), VERSION_CONFLICT (409), EXTERNAL_ID_TAKEN (409), IDEMPOTENCY_IN_PROGRESS (409), CANNOT_REVOKE_SELF (409), PERSON_HAS_NO_EMAIL (409), PERSON_HEADS_UNIT (409), ALREADY_DELIVERED (409), NOT_RETRYABLE (409), NOT_PUBLISHABLE (409), SESSION_OVERLAPS (409), SAVED_FILTERS_FULL (409), SESSION_NAME_TAKEN (409), ID_TAKEN (409), COMMITTEE_EXISTS (409), ACK_LINK_EXPIRED (410), IDEMPOTENT_ANSWER_SEALED (410), VERSION_MISMATCH (412), PAYLOAD_TOO_LARGE (413), ATTACHMENT_TOO_LARGE (413), ATTACHMENT_TYPE_NOT_ALLOWED (415), IMPORT_TOO_LARGE (413), IMPORT_UNSUPPORTED_TYPE (415), UNSUPPORTED_ENCODING (415), VALIDATION_FAILED (422), INVALID_EVENT (422), INVALID_INPUT (422), IDEMPOTENCY_KEY_REUSED (422), WEBHOOK_URL_FORBIDDEN (422), ATTACHMENT_CONTENT_MISMATCH (422), LAST_ADMIN (409), CANNOT_DISABLE_SELF (409), UNIT_NOT_IN_DIRECTORY (422), ATTACHMENT_NOT_USABLE (422), DELEGATION_INVALID (422), SUCCESSION_INVALID (422), REDACTION_NOT_FOUND (422), PASSWORD_TOO_WEAK (422), CALENDAR_INVALID (422), POLICY_INVALID (422), IMPORT_INVALID (422), IMPORT_UNREADABLE (422), RATE_LIMITED (429), INTERNAL (500), DATABASE_UNAVAILABLE (503), EMAIL_CHANNEL_OFF (503), or a rule code of the workflow (409). */
                code: string;
                details?: unknown;
                message: string;
            };
        };
        HistoryEntry: {
            actor: {
                id: string;
                role: string;
            } & {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
            fromStates: string[];
            payload: unknown;
            payloadHidden: boolean;
            requestId: string | null;
            seq: number;
            toStates: string[];
            type: string;
        };
        HistoryPage: {
            items: components["schemas"]["HistoryEntry"][];
            nextCursor: string | null;
        };
        ImportResult: {
            /** @description Rows that create (or, in the directory, change) something; in a dry run: would. */
            created: number;
            dryRun: boolean;
            /** @description Always empty in a 200: a file with bad rows answers 422 IMPORT_INVALID. */
            errors: components["schemas"]["ImportRowError"][];
            /** @description Data rows in the file (blank rows not counted). */
            rows: number;
            /** @description Rows already imported as they are: nothing to do. */
            unchanged: number;
        };
        ImportRowError: {
            /** @description MISSING_COLUMN, REQUIRED, TOO_LONG, INVALID_VALUE, DUPLICATE_KEY, UNKNOWN_REFERENCE, OTHER_COMMITTEE, or the workflow's refusal of the submission (INCOMPLETE, …). */
            code: string;
            /** @description The heading of the column at fault. */
            column?: string;
            /** @description The row's number as a spreadsheet shows it (the heading row is 1). */
            line: number;
            reason: string;
        };
        Invitation: {
            /** Format: date-time */
            expiresAt: string;
            person: {
                name: string;
            };
        };
        InvitationCreated: {
            /** @description The address the invitation is e-mailed to (at least once, by the notifier); null when e-mail is off. */
            emailedTo: string | null;
            /** Format: date-time */
            expiresAt: string;
            /** @description The link, this once: only a hash of its token is kept (and, while it is e-mailed, the token sealed). */
            link: string;
        };
        LocalDays: {
            calendarId: string;
            localClosedDays: {
                from: string;
                name: string;
                to: string;
            }[];
        };
        MigrationItemPage: {
            items: {
                /** Format: date-time */
                at: string;
                /** @enum {string} */
                outcome: "migrated" | "would-migrate" | "unchanged" | "already-migrated" | "unmappable" | "not-running";
                proposalId: string;
                reason: string | null;
                report: {
                    [key: string]: unknown;
                };
            }[];
            nextCursor: string | null;
        };
        MigrationRun: {
            counts: {
                [key: string]: number;
            };
            dryRun: boolean;
            finishedAt: string | null;
            id: string;
            plan: {
                [key: string]: unknown;
            };
            planId: string;
            /** Format: date-time */
            startedAt: string;
            startedBy: string;
            /** @enum {string} */
            status: "running" | "done";
        };
        MyWork: {
            counts: {
                [key: string]: number;
            };
            items: components["schemas"]["WorkItem"][];
            total: number;
        };
        Notice: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            deadlineId: string | null;
            deliveries: components["schemas"]["NoticeDelivery"][];
            id: string;
            kind: string;
            level: number;
            proposalId: string;
            /** @description Who the notice is for, as the engine recorded it. */
            recipients: unknown;
        };
        NoticeDelivery: {
            attempts: number;
            /** @enum {string} */
            channel: "inbox" | "email" | "sms" | "wecom" | "dingtalk";
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            id: string;
            lastError: string | null;
            /** @description `role[:scope]` for the inbox, `person:<id>` for e-mail and SMS, `robot:<id>` for a group robot. */
            recipient: string;
            /** @enum {string} */
            status: "queued" | "sending" | "retrying" | "delivered" | "dead";
        };
        NoticeDeliveryListItem: {
            attempts: number;
            /** @enum {string} */
            channel: "inbox" | "email" | "sms" | "wecom" | "dingtalk";
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            id: string;
            kind: string;
            lastError: string | null;
            level: number;
            noticeId: string;
            proposalId: string;
            /** @description `role[:scope]` for the inbox, `person:<id>` for e-mail and SMS, `robot:<id>` for a group robot. */
            recipient: string;
            /** @enum {string} */
            status: "queued" | "sending" | "retrying" | "delivered" | "dead";
        };
        NoticeDeliveryPage: {
            items: components["schemas"]["NoticeDeliveryListItem"][];
            nextCursor: string | null;
        };
        Notification: {
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            deadlineId: string | null;
            deliveries: components["schemas"]["NoticeDelivery"][];
            id: string;
            kind: string;
            level: number;
            proposalId: string;
            /** @description The proposal's title, for the inbox to name it (null if it is gone). */
            proposalTitle: string | null;
            topic: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
        };
        NotificationRobot: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "wecom" | "dingtalk";
            /** @description Whether a 钉钉 signing secret is set (it is never shown). */
            signed: boolean;
            /** @description Whose group: `unit:<unit id>`, `leader:<leader id>` or `committee`. */
            target: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The webhook URL without its query: the robot's key is never shown. */
            url: string;
        };
        NotificationRobotList: {
            items: components["schemas"]["NotificationRobot"][];
        };
        OfficialYear: {
            calendarId: string;
            holidays: {
                from: string;
                makeUpWorkdays: string[];
                name: string;
                to: string;
            }[];
            source: string;
            year: number;
        };
        OidcSignIn: {
            /** @description The identity platform's name, for the sign-in button. */
            name: string;
            /** @description Where the browser goes to sign in (add ?next=<console path>). */
            startUrl: string;
        };
        PolicyVersion: {
            /** Format: date-time */
            changedAt: string;
            /** @description `<role>:<actor id>` of the key, or `file:<name>` for POLICY_FILE. */
            changedBy: string;
            note: string | null;
            /** @description What the committee wrote: the override of the default policy. */
            override: {
                [key: string]: unknown;
            };
            /** @description The whole policy it gives. */
            policy: {
                [key: string]: unknown;
            };
            version: number;
        };
        PolicyVersionList: {
            items: components["schemas"]["PolicyVersion"][];
        };
        Proposal: {
            allowedEvents: string[];
            assignment: {
                [key: string]: unknown;
            } | null;
            category: string | null;
            content: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            deadlines: {
                /** @enum {string} */
                calendar: "official" | "provisional" | "missing";
                deadlineId: string;
                /** Format: date-time */
                dueAt: string;
                kind: string;
                level: number;
                overdue: boolean;
                unitId: string | null;
                workingDaysLeft: number;
            }[];
            externalId: string | null;
            id: string;
            isKey: boolean;
            leaderId: string | null;
            /** @description Its number in the session, given at registration. */
            number: number | null;
            /** @description The number as the session's pattern writes it, e.g. 第0123号. */
            numberLabel: string | null;
            /** @description Submitted during the session's plenary (大会期间); false: interim. */
            plenary: boolean | null;
            /** @description The policy the proposal runs under (snapshotted at registration): its committee version (null: the default policy), its calendar and the version of the committee's calendar changes its deadlines are counted on. */
            policy: {
                calendarId: string;
                calendarVersion: string | null;
                id: string;
                version: number | null;
            };
            proposerId: string;
            proposers: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            proposerType: ("member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective") | null;
            /** @description The committee session (届次) of its first submission; null: no session holds it. */
            sessionId: string | null;
            sourceChannel: ("plenary" | "interim" | "public-platform") | null;
            stage: string;
            /** @description XState's state value: a string, or an object for nested and parallel states. */
            state: unknown;
            states: string[];
            title: string;
            unitIds: string[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description What staff should check at review, e.g. a title that reads like several matters (一事一案). */
            warnings: {
                /** @enum {string} */
                code: "SEVERAL_MATTERS";
                message: string;
            }[];
        };
        ProposalEvent: {
            attachmentIds?: string[];
            content?: {
                category: string;
                reasons: string;
                suggestions: string[];
                title: string;
            };
            /** @constant */
            type: "submit";
        } | {
            reason: string;
            /** @constant */
            type: "withdraw";
        } | {
            category: string;
            key?: boolean;
            /** @constant */
            type: "review.register";
        } | {
            /** @enum {string} */
            ground?: "outside-remit" | "private-matter" | "litigation" | "state-secret" | "duplicate" | "no-suggestion" | "several-matters" | "unverified-facts" | "advertising" | "other";
            reason: string;
            /** @constant */
            type: "review.reject";
        } | {
            reason: string;
            /** @enum {string} */
            target: "opinion" | "public-sentiment" | "letter";
            /** @constant */
            type: "review.convert";
        } | {
            intoId: string;
            /** @constant */
            type: "review.merge";
        } | {
            reason: string;
            /** @constant */
            type: "review.return";
        } | {
            attachmentIds?: string[];
            content: {
                category: string;
                reasons: string;
                suggestions: string[];
                title: string;
            };
            /** @constant */
            type: "resubmit";
        } | {
            /** @enum {string} */
            mode: "sole" | "lead-co" | "separate";
            replyDueDate?: string;
            /** @constant */
            type: "assign";
            units: {
                /** @enum {string} */
                role: "lead" | "co" | "separate";
                unitId: string;
            }[];
        } | {
            /** @constant */
            type: "unit.acknowledge";
        } | {
            reason: string;
            /** @constant */
            type: "unit.object";
        } | {
            leaderId: string;
            /** @constant */
            type: "key.designate";
        } | {
            /** @enum {string} */
            channel: "meeting" | "visit" | "phone" | "online" | "letter";
            /** Format: date-time */
            contactedAt: string;
            summary: string;
            /** @constant */
            type: "handle.contact";
        } | {
            attachmentIds?: string[];
            opinion: string;
            /** @constant */
            type: "handle.coOpinion";
        } | {
            newDueDate: string;
            reason: string;
            /** @constant */
            type: "handle.requestExtension";
        } | {
            /** @constant */
            type: "extension.approve";
            unitId?: string;
        } | {
            reason: string;
            /** @constant */
            type: "extension.deny";
            unitId?: string;
        } | {
            attachmentIds?: string[];
            /** @enum {string} */
            classification: "A" | "B" | "C";
            signedOffBy: string;
            text: string;
            /** @constant */
            type: "handle.reply";
        } | {
            /** @enum {string} */
            mode: "on-site" | "joint" | "online" | "tracking";
            note: string;
            /** @constant */
            type: "supervise.record";
        } | {
            /** @constant */
            type: "supervise.acceptReply";
            unitId?: string;
        } | {
            reason: string;
            /** @constant */
            type: "supervise.returnReply";
            unitId?: string;
        } | {
            comment: string;
            rehandle?: boolean;
            /** @enum {string} */
            result: "satisfied" | "basically-satisfied" | "unsatisfied";
            /** @constant */
            type: "evaluate";
            unitIds?: string[];
            units?: {
                /** @enum {string} */
                result: "satisfied" | "basically-satisfied" | "unsatisfied";
                unitId: string;
            }[];
        } | {
            /** @enum {string} */
            classification: "A" | "B" | "C";
            reason: string;
            /** @constant */
            type: "supervise.reclassify";
            unitId?: string;
        } | {
            attachmentIds?: string[];
            progress: string;
            resolved: boolean;
            /** @constant */
            type: "followup.report";
        } | {
            reason: string;
            /** @constant */
            type: "tracking.close";
            unitId?: string;
        } | {
            add?: {
                /** @enum {string} */
                role: "lead" | "co" | "separate";
                unitId: string;
            }[];
            reason: string;
            remove?: string[];
            /** @constant */
            type: "handle.reassign";
        } | {
            place: string;
            /** Format: date-time */
            scheduledAt: string;
            /** @constant */
            type: "consultation.arrange";
        } | {
            /** Format: date-time */
            heldAt: string;
            participants: string[];
            summary: string;
            /** @constant */
            type: "consultation.record";
        } | {
            note: string;
            /** @constant */
            type: "lookback.open";
        } | {
            dueDate?: string;
            findings: string;
            request?: string;
            /** @constant */
            type: "lookback.record";
            unitId?: string;
        } | {
            report: string;
            /** @constant */
            type: "lookback.report";
        } | {
            fromId: string;
            proposers: {
                id: string;
                name?: string;
            }[];
            /** @constant */
            type: "merge.link";
        } | {
            deadlineId: string;
            level?: number;
            /** @constant */
            type: "deadline.remind";
        } | {
            deadlineId: string;
            level?: number;
            /** @constant */
            type: "deadline.due";
        } | {
            deadlineId: string;
            level: number;
            /** @constant */
            type: "deadline.escalate";
        };
        ProposalListItem: {
            category: string | null;
            /** Format: date-time */
            createdAt: string;
            externalId: string | null;
            id: string;
            isKey: boolean;
            leaderId: string | null;
            /** @description The earliest open deadline's due time; null: no deadline open. */
            nextDueAt: string | null;
            /** @description Its number in the session, given at registration. */
            number: number | null;
            /** @description The number as the session's pattern writes it, e.g. 第0123号. */
            numberLabel: string | null;
            /** @description An open deadline is past due (what overdue=true filters on). */
            overdue: boolean;
            /** @description Submitted during the session's plenary (大会期间); false: interim. */
            plenary: boolean | null;
            proposerId: string;
            /** @description The proposers, the lead first, with their names (null: the directory does not know the id). */
            proposers: {
                id: string;
                name: string | null;
            }[];
            proposerType: ("member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective") | null;
            /** @description The committee session (届次) of its first submission; null: no session holds it. */
            sessionId: string | null;
            sourceChannel: ("plenary" | "interim" | "public-platform") | null;
            stage: string;
            states: string[];
            title: string;
            unitIds: string[];
            /** @description The handling units in the order of unitIds, with their names from the directory. */
            units: {
                id: string;
                name: string | null;
            }[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ProposalNames: {
            /** @description Person, member or leader id → the person's name. */
            people: {
                [key: string]: string;
            };
            /** @description Unit id → name. */
            units: {
                [key: string]: string;
            };
        };
        ProposalPage: {
            items: components["schemas"]["ProposalListItem"][];
            nextCursor: string | null;
        };
        ProposalSummary: {
            category: string | null;
            /** Format: date-time */
            createdAt: string;
            externalId: string | null;
            id: string;
            isKey: boolean;
            leaderId: string | null;
            /** @description Its number in the session, given at registration. */
            number: number | null;
            /** @description The number as the session's pattern writes it, e.g. 第0123号. */
            numberLabel: string | null;
            /** @description Submitted during the session's plenary (大会期间); false: interim. */
            plenary: boolean | null;
            proposerId: string;
            proposerType: ("member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective") | null;
            /** @description The committee session (届次) of its first submission; null: no session holds it. */
            sessionId: string | null;
            sourceChannel: ("plenary" | "interim" | "public-platform") | null;
            stage: string;
            states: string[];
            title: string;
            unitIds: string[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        Publication: {
            content: {
                attachments: {
                    contentType: string;
                    filename: string;
                    id: string;
                    /** @enum {string} */
                    of: "proposal" | "reply";
                    sha256: string;
                    size: number;
                    unitName: string | null;
                }[];
                category: string | null;
                reasons: string;
                replies: {
                    classification: string;
                    /** Format: date-time */
                    repliedAt: string;
                    text: string;
                    unitName: string;
                }[];
                submittedAt: string | null;
                suggestions: string[];
                title: string;
            };
            proposalId: string;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
            redactions: {
                /** @enum {string} */
                field: "title" | "reasons" | "suggestions" | "replies" | "attachments";
                length: number;
                occurrences: number;
                reason: string;
            }[];
            withdrawnAt: string | null;
            withdrawnBy: string | null;
            withdrawReason: string | null;
        };
        PublicProposal: {
            attachments: {
                contentType: string;
                filename: string;
                href: string;
                /** @enum {string} */
                of: "proposal" | "reply";
                sha256: string;
                size: number;
                unitName: string | null;
            }[];
            category: string | null;
            id: string;
            /** Format: date-time */
            publishedAt: string;
            reasons: string;
            redactions: {
                /** @enum {string} */
                field: "title" | "reasons" | "suggestions" | "replies" | "attachments";
                reason: string;
            }[];
            replies: {
                classification: string;
                /** Format: date-time */
                repliedAt: string;
                text: string;
                unitName: string;
            }[];
            submittedAt: string | null;
            suggestions: string[];
            title: string;
        };
        PublicProposalList: {
            items: components["schemas"]["PublicProposal"][];
        };
        Publish: {
            /** @default [] */
            redactions: {
                /** @enum {string} */
                field: "title" | "reasons" | "suggestions" | "replies" | "attachments";
                find: string;
                reason: string;
            }[];
        };
        PutDirectoryPerson: {
            channels?: {
                [key: string]: ("inbox" | "email")[];
            } | null;
            email?: string | null;
            /**
             * @default zh-CN
             * @enum {string}
             */
            language: "zh-CN" | "en";
            name: string;
            phone?: string | null;
        };
        PutDirectoryUnit: {
            headPersonId?: string | null;
            name: string;
            supervisorLeaderId?: string | null;
        };
        PutNotificationRobot: {
            secret?: string | null;
            /** Format: uri */
            url: string;
        };
        PutPolicy: {
            note?: string;
            /** @description What differs from the default policy (see the README). */
            override: {
                [key: string]: unknown;
            };
        };
        RotateWebhookSecret: {
            /** @default 86400 */
            overlapSeconds: number;
        };
        SavedFilter: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            name: string;
            query: string;
        };
        SavedFilterList: {
            items: components["schemas"]["SavedFilter"][];
        };
        SaveFilter: {
            name: string;
            query: string;
        };
        Session: {
            /** @description Send it as X-CSRF-Token with every change made with this session. */
            csrfToken: string;
            /** @description GET only, when there are any: the roles held now under delegations to the person, with whose they are. */
            delegated?: {
                delegationId: string;
                delegatorId: string;
                /** @description The delegator's name in the directory. */
                delegatorName: string | null;
                /** @enum {string} */
                role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
                scope: string;
            }[];
            person: {
                id: string;
                language: string;
                name: string;
            };
            /** @description The person's roles from the directory now; scope: the unit, leader or member id, or empty. */
            roles: {
                /** @enum {string} */
                role: "admin" | "staff" | "unit" | "leader" | "proposer" | "integrator" | "operator";
                scope: string;
            }[];
        };
        SignIn: {
            login: string;
            password: string;
        };
        Stats: {
            /** Format: date-time */
            at: string;
            evaluations: {
                byResult: {
                    [key: string]: number;
                };
                byUnit: {
                    [key: string]: {
                        rate: number;
                        rated: number;
                        satisfied: number;
                    };
                };
                ratings: number;
            };
            filters: {
                from: string | null;
                groupBy: ("unit" | "leader" | "category" | "proposerType" | "sourceChannel" | "session") | null;
                sessionId: string | null;
                to: string | null;
            };
            overdueDeadlines: {
                byUnit: {
                    [key: string]: number;
                };
                total: number;
            };
            proposals: {
                byStage: {
                    [key: string]: number;
                };
                key: number;
                total: number;
            };
            rates: {
                byUnit: {
                    [key: string]: {
                        /** @description Proposals assigned to the unit (its last assignment). */
                        assigned: number;
                        /** @description 按期办复率: repliedOnTime / assigned. */
                        onTimeRate: number | null;
                        replied: number;
                        /** @description First reply by the reply deadline in force then (extensions included). */
                        repliedOnTime: number;
                        /** @description 办复率: replied / assigned. */
                        replyRate: number | null;
                        /** @description 满意率: satisfied and basically satisfied among the ratings of its part. */
                        satisfactionRate: number | null;
                    };
                };
            };
            replyClasses: {
                [key: string]: number;
            };
            /** @description With groupBy: one row per group value, most assigned first. */
            rows?: {
                /** @description Assigned (unit table: the unit's own parts to answer, 承办; co-handling apart). */
                assigned: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Unit table: co-handling (协办), which owes no reply of its own. */
                coAssigned?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                evaluations: {
                    basicallySatisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    /** @description Ratings given (each joint proposer's; unit table: ratings of the unit's part). */
                    rated: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    satisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    unsatisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                };
                /** @description Replies per final grade (after regrades). */
                grades: {
                    A: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    B: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    C: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                };
                /** @description The group's value (unit id, leader id, category, ...); null for the summary. */
                key: string | null;
                /** @description Unit rows: the unit's name in the committee's directory (null when it has none there). */
                name?: string | null;
                /** @description Ended without registration. */
                notRegistered?: {
                    /** @description How they ended: rejected, converted, merged, withdrawn, lapsed. */
                    byGround: {
                        [key: string]: {
                            count: number;
                            /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                            list: string | null;
                        };
                    };
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                    /** @description The rejections (不予立案) by the ground of the regulations' list that staff named (`review.reject`'s `ground`): outside-remit, private-matter, litigation, state-secret, duplicate, no-suggestion, several-matters, unverified-facts, advertising, other; `unspecified` when none was named. */
                    rejectedByGround: {
                        [key: string]: {
                            count: number;
                            /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                            list: string | null;
                        };
                    };
                };
                /** @description A reply deadline past due while open, now or before it closed. */
                overdueEver: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description A reply deadline open and past due now. */
                overdueNow: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                rates: {
                    /** @description 按期办复率: repliedOnTime / assigned. */
                    onTimeRate: number | null;
                    /** @description 办复率: replied / assigned. */
                    replyRate: number | null;
                    /** @description 满意率: (satisfied + basically satisfied) / rated. */
                    satisfactionRate: number | null;
                };
                /** @description Registered (立案). */
                registered?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Handled again after an unsatisfied evaluation. */
                rehandled: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Replied: every part's first reply sent (unit table: the unit's). */
                replied: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Replied, a first reply after its deadline. */
                repliedLate: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Every first reply by the reply deadline in force then (extensions included). */
                repliedOnTime: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Proposals submitted (not in the unit table). */
                submitted?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                workingDaysToReply: {
                    /** @description Mean working days from assignment to the first reply (one decimal). */
                    average: number | null;
                    /** @description 90th percentile (nearest rank). */
                    p90: number | null;
                    replies: number;
                };
            }[];
            /** @description The session or date range as a whole (what the caller may see). */
            summary: {
                /** @description Assigned (unit table: the unit's own parts to answer, 承办; co-handling apart). */
                assigned: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Unit table: co-handling (协办), which owes no reply of its own. */
                coAssigned?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                evaluations: {
                    basicallySatisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    /** @description Ratings given (each joint proposer's; unit table: ratings of the unit's part). */
                    rated: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    satisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    unsatisfied: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                };
                /** @description Replies per final grade (after regrades). */
                grades: {
                    A: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    B: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                    C: {
                        count: number;
                        /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                        list: string | null;
                    };
                };
                /** @description The group's value (unit id, leader id, category, ...); null for the summary. */
                key: string | null;
                /** @description Unit rows: the unit's name in the committee's directory (null when it has none there). */
                name?: string | null;
                /** @description Ended without registration. */
                notRegistered?: {
                    /** @description How they ended: rejected, converted, merged, withdrawn, lapsed. */
                    byGround: {
                        [key: string]: {
                            count: number;
                            /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                            list: string | null;
                        };
                    };
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                    /** @description The rejections (不予立案) by the ground of the regulations' list that staff named (`review.reject`'s `ground`): outside-remit, private-matter, litigation, state-secret, duplicate, no-suggestion, several-matters, unverified-facts, advertising, other; `unspecified` when none was named. */
                    rejectedByGround: {
                        [key: string]: {
                            count: number;
                            /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                            list: string | null;
                        };
                    };
                };
                /** @description A reply deadline past due while open, now or before it closed. */
                overdueEver: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description A reply deadline open and past due now. */
                overdueNow: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                rates: {
                    /** @description 按期办复率: repliedOnTime / assigned. */
                    onTimeRate: number | null;
                    /** @description 办复率: replied / assigned. */
                    replyRate: number | null;
                    /** @description 满意率: (satisfied + basically satisfied) / rated. */
                    satisfactionRate: number | null;
                };
                /** @description Registered (立案). */
                registered?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Handled again after an unsatisfied evaluation. */
                rehandled: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Replied: every part's first reply sent (unit table: the unit's). */
                replied: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Replied, a first reply after its deadline. */
                repliedLate: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Every first reply by the reply deadline in force then (extensions included). */
                repliedOnTime: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                /** @description Proposals submitted (not in the unit table). */
                submitted?: {
                    count: number;
                    /** @description Query string of GET /v1/proposals listing the proposals behind the count (null for a group no filter can name, e.g. no leader). */
                    list: string | null;
                };
                workingDaysToReply: {
                    /** @description Mean working days from assignment to the first reply (one decimal). */
                    average: number | null;
                    /** @description 90th percentile (nearest rank). */
                    p90: number | null;
                    replies: number;
                };
            };
        };
        Succession: {
            /**
             * @description disable: the leaver signs in no more and their sessions end.
             * @enum {string}
             */
            account: "disable" | "keep";
            reason?: string;
            successorId: string;
        };
        SuccessionResult: {
            /** @enum {string} */
            account: "disabled" | "kept";
            delegationsRevoked: number;
            /** @description The units whose head is now the successor. */
            headOf: string[];
            leaverId: string;
            /** @description The unacknowledged notices addressed to the moved roles, now in the successor's inbox. */
            openNotices: string[];
            /** @description The directory roles moved (role or role:scope); proposer roles stay. */
            roles: string[];
            successorId: string;
        };
        UnitNames: {
            items: {
                id: string;
                name: string;
            }[];
        };
        UpdateCommittee: {
            name: string;
        };
        UpdateWebhook: {
            events?: ("proposal.stage" | "proposal.closed" | "deadline.escalated" | "*")[];
            url?: string;
        };
        Webhook: {
            /** Format: date-time */
            createdAt: string;
            events: ("proposal.stage" | "proposal.closed" | "deadline.escalated" | "*")[];
            id: string;
            /** @description Until then the secret the last rotation replaced still signs deliveries, beside the current one. */
            previousSecretExpiresAt: string | null;
            url: string;
        };
        WebhookCreated: {
            /** Format: date-time */
            createdAt: string;
            events: ("proposal.stage" | "proposal.closed" | "deadline.escalated" | "*")[];
            id: string;
            /** @description Until then the secret the last rotation replaced still signs deliveries, beside the current one. */
            previousSecretExpiresAt: string | null;
            secret: string;
            url: string;
        };
        /** @description An admin's subscription receives every field; an integrator's only proposalId and seq (an escalation is the committee's supervision of a unit). */
        WebhookDeadlineEscalated: {
            data: {
                deadlineId?: string;
                deadlineKind?: string;
                level?: number;
                proposalId: string;
                recipientRole?: string;
                /** @description The history entry of the event (GET /v1/proposals/{id}/history shows it as the key may). */
                seq: number;
            };
            /** @description The message id: the same in every attempt and redelivery (also `webhook-id`). */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @constant */
            topic: "deadline.escalated";
        };
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            deliveredAt: string | null;
            id: string;
            lastAttemptAt: string | null;
            lastError: string | null;
            lastStatusCode: number | null;
            /** @description When a `retrying` delivery is tried next. */
            nextAttemptAt: string | null;
            payload: {
                [key: string]: unknown;
            };
            /** @description Null for a test ping. */
            proposalId: string | null;
            /** @description The delivery this one sends again. */
            redeliveryOf: string | null;
            /** @enum {string} */
            status: "pending" | "retrying" | "delivered" | "failed" | "cancelled";
            topic: string;
        };
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
        WebhookPing: {
            data: {
                webhookId: string;
            };
            /** @description The message id: the same in every attempt and redelivery (also `webhook-id`). */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @constant */
            topic: "webhook.ping";
        };
        WebhookProposalClosed: {
            data: {
                proposalId: string;
                /** @description Why it closed (completed, withdrawn, rejected, merged, ...). */
                reason: string;
                /** @description The history entry of the event (GET /v1/proposals/{id}/history shows it as the key may). */
                seq: number;
                /** @constant */
                stage: "closed";
            };
            /** @description The message id: the same in every attempt and redelivery (also `webhook-id`). */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @constant */
            topic: "proposal.closed";
        };
        WebhookProposalStage: {
            data: {
                proposalId: string;
                /** @description The history entry of the event (GET /v1/proposals/{id}/history shows it as the key may). */
                seq: number;
                stage: string;
            };
            /** @description The message id: the same in every attempt and redelivery (also `webhook-id`). */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** @constant */
            topic: "proposal.stage";
        };
        WebhookSecretRotated: {
            /** Format: date-time */
            createdAt: string;
            events: ("proposal.stage" | "proposal.closed" | "deadline.escalated" | "*")[];
            id: string;
            /** @description Until then the secret the last rotation replaced still signs deliveries, beside the current one. */
            previousSecretExpiresAt: string | null;
            secret: string;
            url: string;
        };
        WithdrawPublication: {
            reason: string;
        };
        WorkflowDefinition: {
            definition: {
                [key: string]: unknown;
            };
            mermaid: string;
        };
        WorkItem: {
            deadlineKind: string | null;
            /** @description The person whose role this duty is, under a delegation to the caller; null: the caller's own. */
            delegatorId: string | null;
            dueAt: string | null;
            event: string | null;
            /** @enum {string} */
            kind: "submit" | "resubmit" | "review" | "assign" | "confirm" | "contact" | "coOpinion" | "reply" | "extension" | "check" | "evaluate" | "followUp" | "consultation" | "lookback" | "escalation";
            level: number;
            noticeId: string | null;
            overdue: boolean;
            proposalId: string;
            stage: string;
            title: string;
            workingDaysLeft: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    publicPage: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published proposals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProposalList"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommitteePublicProposals: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A committee of the deployment (the default one publishes under /public). */
                committee: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published proposals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProposalList"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommitteePublicProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A committee of the deployment (the default one publishes under /public). */
                committee: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published proposal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProposal"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadCommitteePublicAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                /** @description A committee of the deployment (the default one publishes under /public). */
                committee: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublicProposals: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published proposals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProposalList"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublicProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published proposal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProposal"];
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadPublicAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            /** @description The key, once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bindApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActsFor"];
            };
        };
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An admin key cannot revoke itself (CANNOT_REVOKE_SELF). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/msword": string;
                    "application/ofd": string;
                    "application/pdf": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                action?: "api-key.issue" | "api-key.revoke" | "api-key.bind" | "delegation.create" | "delegation.revoke" | "person.succession" | "directory.person.save" | "directory.person.delete" | "directory.unit.save" | "directory.unit.delete" | "directory.role.assign" | "directory.role.unassign" | "webhook.subscribe" | "webhook.unsubscribe" | "notification-robot.save" | "notification-robot.delete" | "webhook.update" | "webhook.secret-rotate" | "webhook.ping" | "webhook.redeliver" | "notice-delivery.retry" | "publication.publish" | "publication.withdraw" | "account.invite" | "account.password-set" | "account.lock" | "account.unlock" | "account.disable" | "account.enable" | "session.start" | "session.end" | "attachment.upload" | "attachment.download" | "committee-session.create" | "directory.import" | "proposals.import" | "committee.create" | "committee.update" | "committee.admin-key.issue" | "committee.admin.invite" | "authentication.failed" | "access.refused";
                actorId?: string;
                cursor?: string;
                from?: string;
                limit?: number;
                outcome?: "succeeded" | "refused" | "failed";
                targetId?: string;
                targetType?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatch"];
            };
        };
        responses: {
            /** @description The batch, done: every item's outcome. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCalendarChanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadLocalDays: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LocalDays"];
            };
        };
        responses: {
            /** @description The dry run: what would move; nothing changed. Or a repeat of the last change of that year (or local days): nothing new. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeResult"];
                };
            };
            /** @description Kept, and being rolled out to the running proposals. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeResult"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A calendar year or list of local days off whose dates do not hold together (details.problems), or for a calendar huiyin does not know; nothing was loaded (CALENDAR_INVALID). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearView"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadCalendarYear: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficialYear"];
            };
        };
        responses: {
            /** @description The dry run: what would move; nothing changed. Or a repeat of the last change of that year (or local days): nothing new. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeResult"];
                };
            };
            /** @description Kept, and being rolled out to the running proposals. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarChangeResult"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A calendar year or list of local days off whose dates do not hold together (details.problems), or for a calendar huiyin does not know; nothing was loaded (CALENDAR_INVALID). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommitteeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeSessionList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommitteeSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeSession"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeSession"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Another session of the committee covers some of these days (details.sessionId) (SESSION_OVERLAPS). The committee has a session of this name already (SESSION_NAME_TAKEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommitteeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeSession"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCommittees: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every committee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommittee: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommittee"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A committee with this id exists already (COMMITTEE_EXISTS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCommittee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The committee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateCommittee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommittee"];
            };
        };
        responses: {
            /** @description The committee. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Committee"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommitteeAdminKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeAdminKey"];
            };
        };
        responses: {
            /** @description The key, once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeAdminKey"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCommitteeAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeAdmin"];
            };
        };
        responses: {
            /** @description The person and their invitation link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeAdminInvited"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The id is in use in this deployment (ids are unique across its committees); choose another (ID_TAKEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDirectoryPeople: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPersonPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPerson"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putDirectoryPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutDirectoryPerson"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPerson"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPerson"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The id is in use in this deployment (ids are unique across its committees); choose another (ID_TAKEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDirectoryPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The person heads a unit; give the unit another head first (PERSON_HEADS_UNIT). The change would leave the committee with no enabled person holding the admin role (disabling, deleting or removing the role of its last admin); nothing changed (LAST_ADMIN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDirectoryRoles: {
        parameters: {
            query?: {
                role?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryRoleList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `role` or `role:scope`: staff, staff-head, committee-leader, chairs-meeting, leader:<id>, unit:<id>, proposer:<id>. */
                label: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The role and its holders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryRole"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    assignDirectoryRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `role` or `role:scope`: staff, staff-head, committee-leader, chairs-meeting, leader:<id>, unit:<id>, proposer:<id>. */
                label: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Already assigned. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryRoleAssignment"];
                };
            };
            /** @description Assigned. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryRoleAssignment"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unassignDirectoryRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `role` or `role:scope`: staff, staff-head, committee-leader, chairs-meeting, leader:<id>, unit:<id>, proposer:<id>. */
                label: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unassigned. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The change would leave the committee with no enabled person holding the admin role (disabling, deleting or removing the role of its last admin); nothing changed (LAST_ADMIN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDirectoryUnits: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryUnitPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDirectoryUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryUnit"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putDirectoryUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutDirectoryUnit"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryUnit"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryUnit"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The id is in use in this deployment (ids are unique across its committees); choose another (ID_TAKEN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDirectoryUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAssignments: {
        parameters: {
            query: {
                format?: "csv" | "xlsx";
                sessionId?: string;
                unitId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment; filename=… (the page of the compilation: inline) */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCompilation: {
        parameters: {
            query: {
                format?: "csv" | "xlsx" | "html";
                sessionId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page or the file. */
            200: {
                headers: {
                    /** @description attachment; filename=… (the page of the compilation: inline) */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                    "text/html": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportProposals: {
        parameters: {
            query?: {
                assigned?: "true" | "false";
                category?: string;
                channel?: "plenary" | "interim" | "public-platform";
                createdFrom?: string;
                createdTo?: string;
                evaluation?: "satisfied" | "basically-satisfied" | "unsatisfied" | "any";
                format?: "csv" | "xlsx";
                grade?: "A" | "B" | "C";
                key?: "true" | "false";
                leader?: string;
                number?: string;
                order?: "asc" | "desc";
                overdue?: "true" | "false";
                overdueEver?: "true" | "false";
                plenary?: "true" | "false";
                proposer?: string;
                proposerType?: "member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective";
                q?: string;
                registered?: "true" | "false";
                rehandled?: "true" | "false";
                rejectionGround?: "outside-remit" | "private-matter" | "litigation" | "state-secret" | "duplicate" | "no-suggestion" | "several-matters" | "unverified-facts" | "advertising" | "other" | "unspecified";
                replied?: "true" | "false";
                repliedLate?: "true" | "false";
                repliedOnTime?: "true" | "false";
                replyOverdue?: "true" | "false";
                session?: string;
                stage?: string;
                state?: string;
                submitted?: "true" | "false";
                submittedFrom?: string;
                submittedTo?: string;
                unit?: string;
                unitRole?: "lead" | "co" | "separate";
                updatedFrom?: string;
                updatedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment; filename=… (the page of the compilation: inline) */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportStats: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                from?: string;
                groupBy?: "unit" | "leader" | "category" | "proposerType" | "sourceChannel" | "session";
                /** @deprecated */
                session?: string;
                sessionId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    /** @description attachment; filename=… (the page of the compilation: inline) */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importDirectory: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Checked (dry run) or imported. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). An imported file larger than the import's limit in bytes or rows; nothing was imported (IMPORT_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). An import whose Content-Type is neither text/csv nor the .xlsx type; nothing was imported (IMPORT_UNSUPPORTED_TYPE). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An imported file with bad rows (details.errors: every problem with its line, column, code and reason); nothing was imported (IMPORT_INVALID). An imported file that is not a table of the type sent: not UTF-8 CSV, not an .xlsx workbook, or empty (IMPORT_UNREADABLE). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importProposals: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
                source?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Checked (dry run) or imported. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). An imported file larger than the import's limit in bytes or rows; nothing was imported (IMPORT_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). An import whose Content-Type is neither text/csv nor the .xlsx type; nothing was imported (IMPORT_UNSUPPORTED_TYPE). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An imported file with bad rows (details.errors: every problem with its line, column, code and reason); nothing was imported (IMPORT_INVALID). An imported file that is not a table of the type sent: not UTF-8 CSV, not an .xlsx workbook, or empty (IMPORT_UNREADABLE). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link (after `#`). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such invitation: unknown, already used, or expired (one answer for all) (INVITATION_INVALID). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link (after `#`). */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            /** @description The password is set. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such invitation: unknown, already used, or expired (one answer for all) (INVITATION_INVALID). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). The new password is too short, too repetitive or too well known (message says which) (PASSWORD_TOO_WEAK). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMigrationRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The run's id (`mig_…`), as `pnpm migrate:proposals` prints it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationRun"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMigrationItems: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                outcome?: "migrated" | "would-migrate" | "unchanged" | "already-migrated" | "unmappable" | "not-running";
            };
            header?: never;
            path: {
                /** @description The run's id (`mig_…`), as `pnpm migrate:proposals` prints it. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationItemPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyWork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The work queue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyWork"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNoticeDeliveries: {
        parameters: {
            query?: {
                channel?: "inbox" | "email" | "sms" | "wecom" | "dingtalk";
                cursor?: string;
                limit?: number;
                noticeId?: string;
                proposalId?: string;
                status?: "queued" | "sending" | "retrying" | "delivered" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDeliveryPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryNoticeDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requeued (or already on its way): the delivery. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeDelivery"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The delivery was delivered; there is nothing to retry (ALREADY_DELIVERED). Deliveries on this channel (the inbox) are not retried (NOT_RETRYABLE). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). The e-mail channel is off (no SMTP_URL), for a dead e-mail's retry (EMAIL_CHANNEL_OFF). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notice"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotificationRobots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The robots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRobotList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putNotificationRobot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `wecom` (企业微信/政务微信) or `dingtalk` (钉钉). */
                kind: string;
                /** @description `unit:<unit id>`, `leader:<leader id>` or `committee`. */
                target: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutNotificationRobot"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRobot"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationRobot"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteNotificationRobot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `wecom` (企业微信/政务微信) or `dingtalk` (钉钉). */
                kind: string;
                /** @description `unit:<unit id>`, `leader:<leader id>` or `committee`. */
                target: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                proposalId?: string;
                unacknowledged?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acknowledgeNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    viewAckLink: {
        parameters: {
            query: {
                exp: string;
                person: string;
                sig: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice (JSON), or the confirmation page (HTML). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AckLinkNotice"];
                    "text/html": string;
                };
            };
            /** @description The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an acknowledge link huiyin signed, or links are off (ACK_LINK_INVALID). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The acknowledge link has expired (ACK_LINK_EXPIRED). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acknowledgeByLink: {
        parameters: {
            query: {
                exp: string;
                person: string;
                sig: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledged notice (JSON), or a page saying so (HTML). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AckLinkNotice"];
                    "text/html": string;
                };
            };
            /** @description The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an acknowledge link huiyin signed, or links are off (ACK_LINK_INVALID). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The acknowledge link has expired (ACK_LINK_EXPIRED). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDelegations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person (the delegator, or a party of the delegation). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delegations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDelegation: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The person (the delegator, or a party of the delegation). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDelegation"];
            };
        };
        responses: {
            /** @description The delegation. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delegation"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A delegation that cannot be: to oneself, to a person not in the committee's directory, or a period that ends before it starts, is over or lasts more than a year (details.reason: SELF, UNKNOWN_DELEGATE, PERIOD) (DELEGATION_INVALID). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delegationId: string;
                /** @description The person (the delegator, or a party of the delegation). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delegation, revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delegation"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A person signed in as admin disabling their own account; another admin does it. Nothing changed (CANNOT_DISABLE_SELF). The change would leave the committee with no enabled person holding the admin role (disabling, deleting or removing the role of its last admin); nothing changed (LAST_ADMIN). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    enableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    invitePerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationCreated"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The person has no e-mail address, which is their login: add one in the directory first (PERSON_HAS_NO_EMAIL). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    handOver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The leaver. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Succession"];
            };
        };
        responses: {
            /** @description What moved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuccessionResult"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A handover to oneself or to a person not in the committee's directory, or to a disabled one (details.reason: SELF, UNKNOWN_SUCCESSOR, SUCCESSOR_DISABLED) (SUCCESSION_INVALID). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlockAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account now. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentPolicy"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPolicy"];
            };
        };
        responses: {
            /** @description The same override as the last version: that version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description The version kept. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A policy that is not valid (details.fields lists every problem); no version was kept (POLICY_INVALID). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPolicyVersions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProposals: {
        parameters: {
            query?: {
                assigned?: "true" | "false";
                category?: string;
                channel?: "plenary" | "interim" | "public-platform";
                createdFrom?: string;
                createdTo?: string;
                cursor?: string;
                evaluation?: "satisfied" | "basically-satisfied" | "unsatisfied" | "any";
                grade?: "A" | "B" | "C";
                key?: "true" | "false";
                leader?: string;
                limit?: number;
                number?: string;
                order?: "asc" | "desc";
                overdue?: "true" | "false";
                overdueEver?: "true" | "false";
                plenary?: "true" | "false";
                proposer?: string;
                proposerType?: "member" | "joint" | "party-group" | "sector-group" | "special-committee" | "collective";
                q?: string;
                registered?: "true" | "false";
                rehandled?: "true" | "false";
                rejectionGround?: "outside-remit" | "private-matter" | "litigation" | "state-secret" | "duplicate" | "no-suggestion" | "several-matters" | "unverified-facts" | "advertising" | "other" | "unspecified";
                replied?: "true" | "false";
                repliedLate?: "true" | "false";
                repliedOnTime?: "true" | "false";
                replyOverdue?: "true" | "false";
                session?: string;
                stage?: string;
                state?: string;
                submitted?: "true" | "false";
                submittedFrom?: string;
                submittedTo?: string;
                unit?: string;
                unitRole?: "lead" | "co" | "separate";
                updatedFrom?: string;
                updatedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProposal"];
            };
        };
        responses: {
            /** @description A repeat of an externalId by the same creator: the first proposal. An externalId is unique per creator (the key's role and actor), so another integrator's ids neither conflict nor show. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Another caller's proposal has this externalId (EXTERNAL_ID_TAKEN). The event is not allowed in the current state (details: stage, state, allowedEvents); the machine's other rule codes answer the same way (EVENT_NOT_ALLOWED). A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). The proposal's content is invalid (INVALID_INPUT). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal; ETag is its version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attachments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadAttachment: {
        parameters: {
            query: {
                filename: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/msword": string;
                "application/octet-stream": string;
                "application/ofd": string;
                "application/pdf": string;
                "application/vnd.ms-excel": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). The file is larger than ATTACHMENT_MAX_BYTES (details.maxBytes); nothing was stored (ATTACHMENT_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). The file's Content-Type is not one huiyin keeps (details.allowed); nothing was stored (ATTACHMENT_TYPE_NOT_ALLOWED). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file's bytes are not what its Content-Type says, or none of the types huiyin keeps (details.declared, details.detected); nothing was stored (ATTACHMENT_CONTENT_MISMATCH). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendProposalEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
                "If-Match"?: string;
                /** @description An integrator key acting for a person of the directory it authenticated: the request is authorised with that person's roles the key is bound to (its actsFor), and events record both. */
                "X-On-Behalf-Of"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalEvent"];
            };
        };
        responses: {
            /** @description The updated proposal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). If-Match is not a proposal version (If-Match: "3") (INVALID_IF_MATCH). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). X-On-Behalf-Of sent by a caller that is not an integrator key (another key's role, or a session) (ON_BEHALF_NOT_INTEGRATOR). X-On-Behalf-Of names no person of the key's committee (unknown, or of another committee) (ON_BEHALF_UNKNOWN_PERSON). X-On-Behalf-Of names a person whose account an admin disabled: nobody acts for them (ON_BEHALF_PERSON_DISABLED). The integrator key is bound neither to the person of X-On-Behalf-Of nor to any role they hold (ON_BEHALF_NOT_BOUND). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The event is not allowed in the current state (details: stage, state, allowedEvents); the machine's other rule codes answer the same way (EVENT_NOT_ALLOWED). Another request changed the proposal at the same moment; send again (VERSION_CONFLICT). A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). The workflow's rule codes: EVENT_NOT_ALLOWED, CONTENT_INCOMPLETE, MERGE_INTO_SELF, MERGE_TARGET_NOT_REGISTERED, ASSIGNMENT_INVALID, ALREADY_ACKNOWLEDGED, OBJECTION_WINDOW_CLOSED, ALREADY_OBJECTED, CONTACT_REQUIRED, ALREADY_REPLIED, CO_OPINION_ALREADY_GIVEN, EXTENSION_PENDING, EXTENSION_NOT_APPLICABLE, EXTENSION_NOT_LATER, EXTENSION_CAP_EXCEEDED, NO_PENDING_EXTENSION, NO_REPLY_TO_CHECK, UNKNOWN_UNIT, REHANDLE_LIMIT_REACHED, NOT_TRACKED, STALE_DEADLINE, TITLE_TOO_LONG, ALREADY_EVALUATED, NO_ACCEPTED_REPLY, SAME_CLASSIFICATION, CORRECTIONS_CHANGED, CALENDAR_MISMATCH, CO_OPINIONS_PENDING, LOOKBACK_NOT_APPLICABLE, NO_OPEN_LOOKBACK, LOOKBACK_REPORT_PENDING, NO_REPORT_REQUESTED, DUE_DATE_PASSED. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names an older version (details.currentVersion) (VERSION_MISMATCH). */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). The machine finds the event's payload invalid (INVALID_EVENT). An event's attachmentIds name a file that is not this proposal's or that the sender did not upload (details.fields); nothing changed (ATTACHMENT_NOT_USABLE). An assignment or reassignment names a handling unit the committee's directory does not have (details.fields); nothing changed. A committee with no units in its directory assigns any unit id (UNIT_NOT_IN_DIRECTORY). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProposalHistory: {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProposalNames: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The names. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalNames"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Publish"];
            };
        };
        responses: {
            /** @description The public copy was replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description Published. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Only a proposal whose reply staff accepted, being evaluated or closed, may be published (details.stage) (NOT_PUBLISHABLE). A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). A redaction's text does not occur in its field (details.fields names it); nothing was published (REDACTION_NOT_FOUND). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawPublication: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawPublication"];
            };
        };
        responses: {
            /** @description Withdrawn. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSavedFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The filters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilterList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveFilter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveFilter"];
            };
        };
        responses: {
            /** @description The filter of that name, replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilter"];
                };
            };
            /** @description Saved as a new filter. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedFilter"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller has as many saved filters as one may keep (50): delete one first (SAVED_FILTERS_FULL). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSavedFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Signed in; the cookie is set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong login or password, or an account that cannot sign in (unknown, disabled, locked): one answer for all (SIGN_IN_FAILED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOidcSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OIDC sign-in is on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OidcSignIn"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Sign-in with an identity platform (OpenID Connect) is not configured here: OIDC_ISSUER is unset (OIDC_DISABLED). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    finishOidcSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: to the console page; or, for a browser, to the sign-in page with the error's code. */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). An OIDC callback that does not belong to an attempt started in this browser (no or expired attempt, wrong state), or an answer of the platform that fails its checks (code, PKCE, nonce, ID token) (OIDC_FLOW_INVALID). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The identity platform named nobody who may sign in here (unknown, several people, no account, disabled, locked): one answer for all (OIDC_SIGN_IN_FAILED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Sign-in with an identity platform (OpenID Connect) is not configured here: OIDC_ISSUER is unset (OIDC_DISABLED). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The identity platform could not be reached, or its discovery failed; retry later (OIDC_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startOidcSignIn: {
        parameters: {
            query?: {
                /** @description The console page to land on after signing in, as a console path (`/proposals/p-1`); `/work` when absent. */
                next?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity platform. */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). The page to land on after an OIDC sign-in (next) is not a path inside the console (OIDC_NEXT_REFUSED). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Sign-in with an identity platform (OpenID Connect) is not configured here: OIDC_ISSUER is unset (OIDC_DISABLED). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The identity platform could not be reached, or its discovery failed; retry later (OIDC_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query?: {
                from?: string;
                groupBy?: "unit" | "leader" | "category" | "proposerType" | "sourceChannel" | "session";
                /** @deprecated */
                session?: string;
                sessionId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUnitNames: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every unit of the directory, by id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitNames"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery, pending. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description A repeat with the same key returns the first answer and applies nothing. While the first request runs, a repeat is 409 IDEMPOTENCY_IN_PROGRESS; if the process running it died, the key is free again within seconds and a repeat runs it. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description The subscription and its secret, once. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). Idempotency-Key is not 1 to 200 visible ASCII characters (INVALID_IDEMPOTENCY_KEY). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (details.retryAfterSeconds) (IDEMPOTENCY_IN_PROGRESS). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The first answer to this Idempotency-Key held a secret sealed with an encryption key the deployment has since dropped; what it created exists (IDEMPOTENT_ANSWER_SEALED). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). The webhook URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address (see the README, Webhooks) (WEBHOOK_URL_FORBIDDEN). An Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). The webhook URL's host is, or resolves to, a loopback, private, link-local, multicast or reserved address (see the README, Webhooks) (WEBHOOK_URL_FORBIDDEN). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "retrying" | "delivered" | "failed" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page: items and nextCursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ping's delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateWebhookSecret"];
            };
        };
        responses: {
            /** @description The subscription and its new secret, once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretRotated"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key's role may not do this; details.reason carries the machine's code (ROLE_NOT_ALLOWED, NOT_A_PARTY, NOT_A_CO_UNIT) or NOT_LEAD_PROPOSER for a proposer key naming another member as the lead proposer (FORBIDDEN). A change sent with a session cookie without the session's X-CSRF-Token, or from another origin (Origin) (CSRF_REJECTED). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource, or one the key may not see (NOT_FOUND). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body or a path segment is invalid (details.fields) (VALIDATION_FAILED). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whoami: {
        parameters: {
            query?: never;
            header?: {
                /** @description An integrator key acting for a person of the directory it authenticated: the request is authorised with that person's roles the key is bound to (its actsFor), and events record both. */
                "X-On-Behalf-Of"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Caller"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description X-On-Behalf-Of sent by a caller that is not an integrator key (another key's role, or a session) (ON_BEHALF_NOT_INTEGRATOR). X-On-Behalf-Of names no person of the key's committee (unknown, or of another committee) (ON_BEHALF_UNKNOWN_PERSON). X-On-Behalf-Of names a person whose account an admin disabled: nobody acts for them (ON_BEHALF_PERSON_DISABLED). The integrator key is bound neither to the person of X-On-Behalf-Of nor to any role they hold (ON_BEHALF_NOT_BOUND). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProposalWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The definition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDefinition"];
                };
            };
            /** @description The body is not valid JSON (MALFORMED_JSON). The query string is not valid (details.fields), or a cursor the API did not give out (INVALID_QUERY). A URL whose percent-encoding is not UTF-8 (MALFORMED_URL). A NUL character (U+0000) in the path, the query or the body, or a lone surrogate in the body (INVALID_CHARACTER). A body nested deeper than 32 levels (BODY_TOO_DEEP). A body that is not what its Content-Encoding says (MALFORMED_BODY_ENCODING). Any other malformed request (or the 4xx status the HTTP library chose for it) (BAD_REQUEST). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No API key or session, an unknown or revoked key, or a session that ended (WWW-Authenticate) (UNAUTHENTICATED). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the limit (PAYLOAD_TOO_LARGE). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A body Content-Encoding the api cannot read (it reads identity, gzip, deflate and br), or an unsupported charset (UNSUPPORTED_ENCODING). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key, or the client's address, spent its request budget, or the address (or the account) its budget of failed authentications or sign-ins (Retry-After) (RATE_LIMITED). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The database is unavailable for a moment, restarting or unreachable (Retry-After: send the same request again, with the same Idempotency-Key) (DATABASE_UNAVAILABLE). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    onDeadlineEscalated: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (GET /v1/webhooks/{id}/deliveries). */
                "huiyin-delivery": string;
                /** @description `t=<unix>,v1=<hex HMAC-SHA256 of <t>.<body>>` keyed with the secret string as shown; one `v1` per valid secret during a rotation's overlap. */
                "huiyin-signature": string;
                /** @description The topic. */
                "huiyin-topic": string;
                /** @description Standard Webhooks: the message id (the body's `id`). */
                "webhook-id": string;
                /** @description Standard Webhooks: `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<body>>` keyed with the bytes of the secret after `whsec_` (base64); one per valid secret, space-separated, during a rotation's overlap. */
                "webhook-signature": string;
                /** @description Standard Webhooks: unix seconds of this attempt. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookDeadlineEscalated"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, a timeout (10 s) or no answer: tried again after 5 s, 1 min, 10 min, 1 h, 3 h, 6 h and 12 h, then `failed`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProposalClosed: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (GET /v1/webhooks/{id}/deliveries). */
                "huiyin-delivery": string;
                /** @description `t=<unix>,v1=<hex HMAC-SHA256 of <t>.<body>>` keyed with the secret string as shown; one `v1` per valid secret during a rotation's overlap. */
                "huiyin-signature": string;
                /** @description The topic. */
                "huiyin-topic": string;
                /** @description Standard Webhooks: the message id (the body's `id`). */
                "webhook-id": string;
                /** @description Standard Webhooks: `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<body>>` keyed with the bytes of the secret after `whsec_` (base64); one per valid secret, space-separated, during a rotation's overlap. */
                "webhook-signature": string;
                /** @description Standard Webhooks: unix seconds of this attempt. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookProposalClosed"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, a timeout (10 s) or no answer: tried again after 5 s, 1 min, 10 min, 1 h, 3 h, 6 h and 12 h, then `failed`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProposalStage: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (GET /v1/webhooks/{id}/deliveries). */
                "huiyin-delivery": string;
                /** @description `t=<unix>,v1=<hex HMAC-SHA256 of <t>.<body>>` keyed with the secret string as shown; one `v1` per valid secret during a rotation's overlap. */
                "huiyin-signature": string;
                /** @description The topic. */
                "huiyin-topic": string;
                /** @description Standard Webhooks: the message id (the body's `id`). */
                "webhook-id": string;
                /** @description Standard Webhooks: `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<body>>` keyed with the bytes of the secret after `whsec_` (base64); one per valid secret, space-separated, during a rotation's overlap. */
                "webhook-signature": string;
                /** @description Standard Webhooks: unix seconds of this attempt. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookProposalStage"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, a timeout (10 s) or no answer: tried again after 5 s, 1 min, 10 min, 1 h, 3 h, 6 h and 12 h, then `failed`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWebhookPing: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (GET /v1/webhooks/{id}/deliveries). */
                "huiyin-delivery": string;
                /** @description `t=<unix>,v1=<hex HMAC-SHA256 of <t>.<body>>` keyed with the secret string as shown; one `v1` per valid secret during a rotation's overlap. */
                "huiyin-signature": string;
                /** @description The topic. */
                "huiyin-topic": string;
                /** @description Standard Webhooks: the message id (the body's `id`). */
                "webhook-id": string;
                /** @description Standard Webhooks: `v1,<base64 HMAC-SHA256 of <webhook-id>.<webhook-timestamp>.<body>>` keyed with the bytes of the secret after `whsec_` (base64); one per valid secret, space-separated, during a rotation's overlap. */
                "webhook-signature": string;
                /** @description Standard Webhooks: unix seconds of this attempt. */
                "webhook-timestamp": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPing"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, a timeout (10 s) or no answer: tried again after 5 s, 1 min, 10 min, 1 h, 3 h, 6 h and 12 h, then `failed`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
