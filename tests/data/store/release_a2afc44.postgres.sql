--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id integer NOT NULL,
    name character varying(80) NOT NULL,
    key_sha256 character varying(64) NOT NULL,
    prefix character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);


--
-- Name: api_keys_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.api_keys_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_keys_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.api_keys_id_seq OWNED BY public.api_keys.id;


--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    id integer NOT NULL,
    case_kind character varying(16) NOT NULL,
    case_id character varying(64) NOT NULL,
    actor character varying(64) NOT NULL,
    action character varying(64) NOT NULL,
    detail json NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: audit_events_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_events_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_events_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_events_id_seq OWNED BY public.audit_events.id;


--
-- Name: chargeback_cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chargeback_cases (
    case_id character varying(64) NOT NULL,
    network character varying(16) NOT NULL,
    reason_code character varying(32) NOT NULL,
    reason_known boolean NOT NULL,
    category character varying(24) NOT NULL,
    amount character varying(32) NOT NULL,
    currency character varying(3) NOT NULL,
    dispute_date date NOT NULL,
    respond_by date,
    order_no character varying(64) NOT NULL,
    claim_text text NOT NULL,
    acquirer character varying(120) NOT NULL,
    status character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: chargeback_exhibits; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chargeback_exhibits (
    id integer NOT NULL,
    case_id character varying(64) NOT NULL,
    sha256 character varying(64) NOT NULL,
    mime character varying(64) NOT NULL,
    caption character varying(300) NOT NULL,
    evidence_key character varying(48),
    created_at timestamp with time zone NOT NULL
);


--
-- Name: chargeback_exhibits_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.chargeback_exhibits_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: chargeback_exhibits_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.chargeback_exhibits_id_seq OWNED BY public.chargeback_exhibits.id;


--
-- Name: conversations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conversations (
    id character varying(32) NOT NULL,
    session_token character varying(128) NOT NULL,
    buyer_email character varying(320),
    verified_order_no character varying(64),
    language character varying(8) NOT NULL,
    status character varying(16) NOT NULL,
    handoff_reason character varying(64),
    low_confidence_streak integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.decisions (
    id integer NOT NULL,
    case_kind character varying(16) NOT NULL,
    case_id character varying(64) NOT NULL,
    outcome character varying(48) NOT NULL,
    amount character varying(32),
    currency character varying(3),
    rules_fired json NOT NULL,
    inputs json NOT NULL,
    policy_version character varying(64),
    decided_by character varying(64) NOT NULL,
    note text,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: decisions_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.decisions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: decisions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.decisions_id_seq OWNED BY public.decisions.id;


--
-- Name: ingest_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ingest_runs (
    id integer NOT NULL,
    report json NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ingest_runs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ingest_runs_id_seq OWNED BY public.ingest_runs.id;


--
-- Name: listing_glossary; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.listing_glossary (
    id integer NOT NULL,
    language character varying(8) NOT NULL,
    kind character varying(8) NOT NULL,
    source character varying(200) NOT NULL,
    target character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: listing_glossary_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.listing_glossary_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: listing_glossary_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.listing_glossary_id_seq OWNED BY public.listing_glossary.id;


--
-- Name: listing_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.listing_versions (
    id character varying(32) NOT NULL,
    product_id character varying(64) NOT NULL,
    language character varying(8) NOT NULL,
    marketplace character varying(32) NOT NULL,
    version integer NOT NULL,
    status character varying(16) NOT NULL,
    listing json NOT NULL,
    issues json NOT NULL,
    source_hash character varying(64) NOT NULL,
    prompt_version character varying(64) NOT NULL,
    model character varying(120) NOT NULL,
    origin character varying(16) NOT NULL,
    override_reason text,
    created_at timestamp with time zone NOT NULL,
    accepted_at timestamp with time zone
);


--
-- Name: merchant_settings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.merchant_settings (
    key character varying(64) NOT NULL,
    value json NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.messages (
    id integer NOT NULL,
    conversation_id character varying(32) NOT NULL,
    role character varying(16) NOT NULL,
    text text NOT NULL,
    language character varying(8) NOT NULL,
    translation text,
    citations json NOT NULL,
    meta json NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: messages_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.messages_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: messages_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.messages_id_seq OWNED BY public.messages.id;


--
-- Name: orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orders (
    order_no character varying(64) NOT NULL,
    buyer_email character varying(320) NOT NULL,
    country_code character varying(2) NOT NULL,
    status character varying(32) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    record json NOT NULL
);


--
-- Name: pending_disputes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pending_disputes (
    dispute_id character varying(64) NOT NULL,
    notice json NOT NULL,
    order_refs json NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: question_check_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.question_check_runs (
    id integer NOT NULL,
    label character varying(200) NOT NULL,
    total integer NOT NULL,
    passed integer NOT NULL,
    results json NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: question_check_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.question_check_runs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: question_check_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.question_check_runs_id_seq OWNED BY public.question_check_runs.id;


--
-- Name: refund_cases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refund_cases (
    id character varying(32) NOT NULL,
    order_no character varying(64) NOT NULL,
    buyer_email character varying(320) NOT NULL,
    country_code character varying(2) NOT NULL,
    currency character varying(3) NOT NULL,
    product_id character varying(64),
    reason character varying(32) NOT NULL,
    description text NOT NULL,
    item_opened boolean,
    language character varying(8) NOT NULL,
    status character varying(16) NOT NULL,
    item_value character varying(32) NOT NULL,
    total_paid character varying(32) NOT NULL,
    proposed_outcome character varying(48),
    proposed_amount character varying(32),
    suggested_outcome character varying(48),
    final_outcome character varying(48),
    final_amount character varying(32),
    resolved_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: refund_evidence; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refund_evidence (
    id integer NOT NULL,
    case_id character varying(32) NOT NULL,
    sha256 character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    mime character varying(64) NOT NULL,
    original_name character varying(255) NOT NULL,
    ahash character varying(16),
    created_at timestamp with time zone NOT NULL
);


--
-- Name: refund_evidence_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.refund_evidence_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: refund_evidence_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.refund_evidence_id_seq OWNED BY public.refund_evidence.id;


--
-- Name: refund_findings; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refund_findings (
    id integer NOT NULL,
    case_id character varying(32) NOT NULL,
    status character varying(24) NOT NULL,
    model character varying(128),
    prompt_version character varying(32),
    attempts integer NOT NULL,
    finding json NOT NULL,
    raw json NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: refund_findings_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.refund_findings_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: refund_findings_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.refund_findings_id_seq OWNED BY public.refund_findings.id;


--
-- Name: refund_negotiation_steps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refund_negotiation_steps (
    id integer NOT NULL,
    case_id character varying(32) NOT NULL,
    step character varying(32) NOT NULL,
    actor character varying(64) NOT NULL,
    outcome character varying(48),
    amount character varying(32),
    currency character varying(3),
    language character varying(8) NOT NULL,
    text text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: refund_negotiation_steps_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.refund_negotiation_steps_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: refund_negotiation_steps_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.refund_negotiation_steps_id_seq OWNED BY public.refund_negotiation_steps.id;


--
-- Name: refund_receipts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.refund_receipts (
    id integer NOT NULL,
    case_id character varying(32) NOT NULL,
    order_no character varying(64) NOT NULL,
    decision_id integer NOT NULL,
    language character varying(8) NOT NULL,
    text text NOT NULL,
    text_en text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: refund_receipts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.refund_receipts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: refund_receipts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.refund_receipts_id_seq OWNED BY public.refund_receipts.id;


--
-- Name: store_answers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.store_answers (
    id integer NOT NULL,
    question text NOT NULL,
    answer text NOT NULL,
    language character varying(8) NOT NULL,
    created_by character varying(64) NOT NULL,
    from_message_id integer,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: store_answers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.store_answers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: store_answers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.store_answers_id_seq OWNED BY public.store_answers.id;


--
-- Name: stored_files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stored_files (
    sha256 character varying(64) NOT NULL,
    mime character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    size_bytes integer NOT NULL,
    relative_path character varying(512) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: api_keys id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys ALTER COLUMN id SET DEFAULT nextval('public.api_keys_id_seq'::regclass);


--
-- Name: audit_events id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events ALTER COLUMN id SET DEFAULT nextval('public.audit_events_id_seq'::regclass);


--
-- Name: chargeback_exhibits id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chargeback_exhibits ALTER COLUMN id SET DEFAULT nextval('public.chargeback_exhibits_id_seq'::regclass);


--
-- Name: decisions id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions ALTER COLUMN id SET DEFAULT nextval('public.decisions_id_seq'::regclass);


--
-- Name: ingest_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_runs ALTER COLUMN id SET DEFAULT nextval('public.ingest_runs_id_seq'::regclass);


--
-- Name: listing_glossary id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.listing_glossary ALTER COLUMN id SET DEFAULT nextval('public.listing_glossary_id_seq'::regclass);


--
-- Name: messages id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages ALTER COLUMN id SET DEFAULT nextval('public.messages_id_seq'::regclass);


--
-- Name: question_check_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_check_runs ALTER COLUMN id SET DEFAULT nextval('public.question_check_runs_id_seq'::regclass);


--
-- Name: refund_evidence id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_evidence ALTER COLUMN id SET DEFAULT nextval('public.refund_evidence_id_seq'::regclass);


--
-- Name: refund_findings id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_findings ALTER COLUMN id SET DEFAULT nextval('public.refund_findings_id_seq'::regclass);


--
-- Name: refund_negotiation_steps id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_negotiation_steps ALTER COLUMN id SET DEFAULT nextval('public.refund_negotiation_steps_id_seq'::regclass);


--
-- Name: refund_receipts id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_receipts ALTER COLUMN id SET DEFAULT nextval('public.refund_receipts_id_seq'::regclass);


--
-- Name: store_answers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_answers ALTER COLUMN id SET DEFAULT nextval('public.store_answers_id_seq'::regclass);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_events; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_events VALUES (1, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'buyer', 'claim_opened', '{"order_no": "PP-261020", "reason": "damaged"}', '2026-12-02 13:55:48.103336+00');
INSERT INTO public.audit_events VALUES (2, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'buyer', 'evidence_added', '{"accepted": ["53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a"], "rejected": []}', '2026-12-02 13:55:48.344685+00');
INSERT INTO public.audit_events VALUES (3, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'vision-model', 'evidence_analysed', '{"status": "unanalysed", "model": null, "prompt_version": null, "attempts": 0}', '2026-12-02 13:55:48.616546+00');
INSERT INTO public.audit_events VALUES (4, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'policy-engine', 'sent_to_review', '{"outcome": "escalate", "amount": "0.00", "language": "pt"}', '2026-12-02 13:55:49.008637+00');
INSERT INTO public.audit_events VALUES (5, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'merchant', 'merchant_edit', '{"outcome": "partial_refund_no_return", "amount": "40.00", "note": "goodwill", "status": "resolved"}', '2026-12-02 13:55:49.5886+00');
INSERT INTO public.audit_events VALUES (6, 'conversation', '87537d5a2a56407cb78e414a749dabd4', 'buyer-chat', 'handoff', '{"reason": "low_confidence", "demo": true}', '2026-11-16 21:22:00+00');
INSERT INTO public.audit_events VALUES (7, 'conversation', 'd161c3434f1d4484a658504069c4eab2', 'buyer-chat', 'handoff', '{"reason": "low_confidence", "demo": true}', '2026-11-19 20:32:00+00');
INSERT INTO public.audit_events VALUES (8, 'chargeback', 'DEMO-CB-001', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-15 12:50:00+00');
INSERT INTO public.audit_events VALUES (9, 'chargeback', 'DEMO-CB-002', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-15 13:01:00+00');
INSERT INTO public.audit_events VALUES (10, 'chargeback', 'DEMO-CB-003', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-16 12:14:00+00');
INSERT INTO public.audit_events VALUES (11, 'chargeback', 'DEMO-CB-004', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-15 12:29:00+00');
INSERT INTO public.audit_events VALUES (12, 'chargeback', 'DEMO-CB-005', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-17 12:13:00+00');
INSERT INTO public.audit_events VALUES (13, 'chargeback', 'DEMO-CB-006', 'demo', 'rebuttal_generated', '{"demo": true}', '2026-11-16 12:35:00+00');


--
-- Data for Name: chargeback_cases; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-001', 'visa', '13.1', true, 'consumer_dispute', '299.00', 'USD', '2026-11-15', '2026-12-05', 'DEMO-ORD-0047', '[demo] seeded demo chargeback', 'Demo acquirer', 'won', '2026-11-15 12:00:00+00', '2026-11-15 12:00:00+00');
INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-002', 'visa', '10.4', true, 'fraud', '164.00', 'USD', '2026-11-15', '2026-12-05', 'DEMO-ORD-0025', '[demo] seeded demo chargeback', 'Demo acquirer', 'lost', '2026-11-15 12:00:00+00', '2026-11-15 12:00:00+00');
INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-003', 'mastercard', '4853', true, 'consumer_dispute', '299.00', 'USD', '2026-11-16', '2026-12-06', 'DEMO-ORD-0009', '[demo] seeded demo chargeback', 'Demo acquirer', 'won', '2026-11-16 12:00:00+00', '2026-11-16 12:00:00+00');
INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-004', 'visa', '13.1', true, 'consumer_dispute', '264.00', 'USD', '2026-11-15', '2026-12-05', 'DEMO-ORD-0029', '[demo] seeded demo chargeback', 'Demo acquirer', 'won', '2026-11-15 12:00:00+00', '2026-11-15 12:00:00+00');
INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-005', 'visa', '10.4', true, 'fraud', '299.00', 'USD', '2026-11-17', '2026-12-07', 'DEMO-ORD-0030', '[demo] seeded demo chargeback', 'Demo acquirer', 'accepted', '2026-11-17 12:00:00+00', '2026-11-17 12:00:00+00');
INSERT INTO public.chargeback_cases VALUES ('DEMO-CB-006', 'mastercard', '4853', true, 'consumer_dispute', '189.00', 'USD', '2026-11-16', '2026-12-06', 'DEMO-ORD-0013', '[demo] seeded demo chargeback', 'Demo acquirer', 'lost', '2026-11-16 12:00:00+00', '2026-11-16 12:00:00+00');


--
-- Data for Name: chargeback_exhibits; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: conversations; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.conversations VALUES ('c8ef93e4439e484c8d320f6fea9f5ff1', 'demo-activity-0001', NULL, NULL, 'pt', 'closed', NULL, 0, '2026-11-15 17:54:00+00', '2026-11-15 17:54:00+00');
INSERT INTO public.conversations VALUES ('77b0054286c1401590f1279654f8004c', 'demo-activity-0002', NULL, NULL, 'en', 'closed', NULL, 0, '2026-11-15 02:34:00+00', '2026-11-15 02:34:00+00');
INSERT INTO public.conversations VALUES ('85d09329fb0b4541b41a63a3e38c7c92', 'demo-activity-0003', 'demo-buyer-0016@example.invalid', 'DEMO-ORD-0016', 'en', 'closed', NULL, 0, '2026-11-15 02:03:00+00', '2026-11-15 02:03:00+00');
INSERT INTO public.conversations VALUES ('ad12286e66354592b988237871e1e5bf', 'demo-activity-0004', NULL, NULL, 'es', 'closed', NULL, 0, '2026-11-15 15:00:00+00', '2026-11-15 15:00:00+00');
INSERT INTO public.conversations VALUES ('57826a170dd84a7e844911cabe18195a', 'demo-activity-0005', 'demo-buyer-0037@example.invalid', 'DEMO-ORD-0037', 'ko', 'closed', NULL, 0, '2026-11-15 07:32:00+00', '2026-11-15 07:32:00+00');
INSERT INTO public.conversations VALUES ('c06ca5275a244c5da373a9aee628baf8', 'demo-activity-0006', 'demo-buyer-0004@example.invalid', 'DEMO-ORD-0004', 'en', 'closed', NULL, 0, '2026-11-15 02:01:00+00', '2026-11-15 02:01:00+00');
INSERT INTO public.conversations VALUES ('87537d5a2a56407cb78e414a749dabd4', 'demo-activity-0007', 'demo-buyer-0022@example.invalid', 'DEMO-ORD-0022', 'ja', 'closed', NULL, 0, '2026-11-16 21:17:00+00', '2026-11-16 21:17:00+00');
INSERT INTO public.conversations VALUES ('5207343c26bf4a0c9d7f68ab061876b1', 'demo-activity-0008', 'demo-buyer-0036@example.invalid', 'DEMO-ORD-0036', 'pt', 'closed', NULL, 0, '2026-11-16 01:29:00+00', '2026-11-16 01:29:00+00');
INSERT INTO public.conversations VALUES ('058ead784fc344458279c61f21d56598', 'demo-activity-0009', 'demo-buyer-0027@example.invalid', 'DEMO-ORD-0027', 'pl', 'closed', NULL, 0, '2026-11-16 04:26:00+00', '2026-11-16 04:26:00+00');
INSERT INTO public.conversations VALUES ('66feb712d52d446ebf0a2fdd59ef8c4b', 'demo-activity-0010', 'demo-buyer-0026@example.invalid', 'DEMO-ORD-0026', 'en', 'closed', NULL, 0, '2026-11-16 18:19:00+00', '2026-11-16 18:19:00+00');
INSERT INTO public.conversations VALUES ('dbc8a0e4e7454718a545f3d0145950fb', 'demo-activity-0011', 'demo-buyer-0038@example.invalid', 'DEMO-ORD-0038', 'es', 'closed', NULL, 0, '2026-11-17 12:04:00+00', '2026-11-17 12:04:00+00');
INSERT INTO public.conversations VALUES ('21a26d0626ee40dd888c68c3f867e68c', 'demo-activity-0012', 'demo-buyer-0010@example.invalid', 'DEMO-ORD-0010', 'pl', 'closed', NULL, 0, '2026-11-17 18:08:00+00', '2026-11-17 18:08:00+00');
INSERT INTO public.conversations VALUES ('3b09fd70ee5441f9b07d39365c36daf2', 'demo-activity-0013', NULL, NULL, 'fr', 'closed', NULL, 0, '2026-11-17 20:35:00+00', '2026-11-17 20:35:00+00');
INSERT INTO public.conversations VALUES ('0592cd95afb24776be178181cb957dbd', 'demo-activity-0014', NULL, NULL, 'pl', 'closed', NULL, 0, '2026-11-17 07:47:00+00', '2026-11-17 07:47:00+00');
INSERT INTO public.conversations VALUES ('ffcdde581a59408c9b790ba498cb2c3f', 'demo-activity-0015', NULL, NULL, 'es', 'closed', NULL, 0, '2026-11-17 20:54:00+00', '2026-11-17 20:54:00+00');
INSERT INTO public.conversations VALUES ('3a68c8ef8e9748898ae609507fa36a47', 'demo-activity-0016', NULL, NULL, 'de', 'closed', NULL, 0, '2026-11-18 01:02:00+00', '2026-11-18 01:02:00+00');
INSERT INTO public.conversations VALUES ('5279b242a1eb41a2aeea58dfebf56bdf', 'demo-activity-0017', NULL, NULL, 'en', 'closed', NULL, 0, '2026-11-18 18:08:00+00', '2026-11-18 18:08:00+00');
INSERT INTO public.conversations VALUES ('32c897f82ac5482b9a50973ce0a1475a', 'demo-activity-0018', NULL, NULL, 'ko', 'closed', NULL, 0, '2026-11-18 15:04:00+00', '2026-11-18 15:04:00+00');
INSERT INTO public.conversations VALUES ('4b8fd0f8771840b4b8719082fe9f4454', 'demo-activity-0019', NULL, NULL, 'de', 'closed', NULL, 0, '2026-11-18 01:57:00+00', '2026-11-18 01:57:00+00');
INSERT INTO public.conversations VALUES ('90b0c6d05e6d442681ae61eabdae97d8', 'demo-activity-0020', NULL, NULL, 'pt', 'closed', NULL, 0, '2026-11-19 00:55:00+00', '2026-11-19 00:55:00+00');
INSERT INTO public.conversations VALUES ('55c95d51f1f6418baefd520a5010b51f', 'demo-activity-0021', NULL, NULL, 'pl', 'closed', NULL, 0, '2026-11-19 08:56:00+00', '2026-11-19 08:56:00+00');
INSERT INTO public.conversations VALUES ('a8d2c0bcb9d94d7081c158125885a96e', 'demo-activity-0022', NULL, NULL, 'es', 'closed', NULL, 0, '2026-11-19 09:38:00+00', '2026-11-19 09:38:00+00');
INSERT INTO public.conversations VALUES ('6cd2a93380314b429c4a79f66a946bde', 'demo-activity-0023', NULL, NULL, 'en', 'closed', NULL, 0, '2026-11-19 15:16:00+00', '2026-11-19 15:16:00+00');
INSERT INTO public.conversations VALUES ('aa0bd7fc6def42d9a4b637d8442c869a', 'demo-activity-0024', NULL, NULL, 'pt', 'closed', NULL, 0, '2026-11-19 10:42:00+00', '2026-11-19 10:42:00+00');
INSERT INTO public.conversations VALUES ('d161c3434f1d4484a658504069c4eab2', 'demo-activity-0025', NULL, NULL, 'fr', 'closed', NULL, 0, '2026-11-19 20:27:00+00', '2026-11-19 20:27:00+00');


--
-- Data for Name: decisions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.decisions VALUES (1, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'escalate', '0.00', 'USD', '[{"code": "manual_review_finding", "description": "Evidence not analysed automatically (unanalysed): a person must look.", "clause": ""}]', '{"claim": {"reason": "damaged", "claimed_at": "2026-11-16T12:00:00Z", "currency": "USD", "item_value": "169.00", "shipping_paid": "18.00", "total_paid": "187.00", "country_code": "BR", "order_status": "delivered", "delivered_at": "2026-11-14T16:25:00Z", "return_cost": "60.00", "prior_claims": 0, "open_claims_on_order": 0, "refunded_claims_on_order": 0, "already_refunded": "0", "finding": {"status": "unanalysed", "issue_visible": "unclear", "damage_type": null, "damage_cause": "unknown", "severity": "none", "product_matches": "unclear", "packaging_damage": "unclear", "text_read": [], "order_no_match": "not_visible", "tracking_no_match": "not_visible", "reused_photo": false, "reused_detail": null, "summary": "", "note": "Unanalysed \u2014 vision model not configured \u2014 manual review.", "model": null, "prompt_version": null}, "lines": [{"title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "category": "monitor"}], "opened": null, "outbound_cost": "18.00"}, "policy": {"version": "2026-09-01", "currency": "USD", "return_window_days": 30, "damage_report_days": 7, "refund_business_days": 5, "returnless_threshold_pct": "40", "refund_pct_by_severity": {"none": "0", "minor": "20", "moderate": "50", "severe": "100"}, "refund_shipping_on_fault": true, "deduct_return_cost_on_change_of_mind": true, "change_of_mind_returnless_pct": "50", "non_returnable_when_opened": ["screen protector", "cleaning kit"], "ineligible_damage_causes": ["drop", "liquid", "misuse"], "refused_parcel_deduct_outbound": true, "refused_parcel_deduct_return": true, "max_auto_offer": "150", "counter_max_extra_pct": "10", "always_escalate": ["reused_photo", "product_mismatch", "label_mismatch", "unclear_evidence", "not_received_but_delivered"], "repeat_claim_limit": 2, "repeat_claim_window_days": 365, "rounding": "half_up", "clauses": {"return_window": "Return window", "change_of_mind": "Change-of-mind returns", "fault": "Damaged, defective or wrong items", "returnless": "Partial refund without return", "refunds": "Refunds", "non_returnable": "Non-returnable items", "refused_parcels": "Duties and refused parcels", "warranty": "Warranty policy"}}, "suggested_outcome": null, "percent": "0.00"}', '2026-09-01', 'policy-engine', NULL, '2026-12-02 13:55:48.92951+00');
INSERT INTO public.decisions VALUES (2, 'refund', '8c72b9596da34f48bee8986068ddf3f4', 'partial_refund_no_return', '40.00', 'USD', '[{"code": "merchant_edit", "description": "Decided by merchant."}]', '{"previous_status": "review", "proposed_outcome": "escalate", "proposed_amount": "0.00"}', NULL, 'merchant', 'goodwill', '2026-12-02 13:55:49.268504+00');


--
-- Data for Name: ingest_runs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: listing_glossary; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: listing_versions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: merchant_settings; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.merchant_settings VALUES ('demo_activity_seeded', '{"at": "2026-11-20T12:00:00+00:00", "days": 5, "conversations": 25, "refund_cases": 10, "chargebacks": 6}', '2026-12-02 13:55:51.193707+00');


--
-- Data for Name: messages; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.messages VALUES (1, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 17:54:00+00');
INSERT INTO public.messages VALUES (2, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 1, "source": "model"}', '2026-11-15 17:54:04+00');
INSERT INTO public.messages VALUES (3, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 17:55:00+00');
INSERT INTO public.messages VALUES (4, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 3, "source": "fallback"}', '2026-11-15 17:55:04+00');
INSERT INTO public.messages VALUES (5, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 17:56:00+00');
INSERT INTO public.messages VALUES (6, 'c8ef93e4439e484c8d320f6fea9f5ff1', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 5, "source": "model"}', '2026-11-15 17:56:04+00');
INSERT INTO public.messages VALUES (7, '77b0054286c1401590f1279654f8004c', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:34:00+00');
INSERT INTO public.messages VALUES (8, '77b0054286c1401590f1279654f8004c', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 7, "source": "fallback"}', '2026-11-15 02:34:04+00');
INSERT INTO public.messages VALUES (9, '77b0054286c1401590f1279654f8004c', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:35:00+00');
INSERT INTO public.messages VALUES (10, '77b0054286c1401590f1279654f8004c', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 9, "source": "fallback"}', '2026-11-15 02:35:04+00');
INSERT INTO public.messages VALUES (11, '85d09329fb0b4541b41a63a3e38c7c92', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:03:00+00');
INSERT INTO public.messages VALUES (12, '85d09329fb0b4541b41a63a3e38c7c92', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 11, "source": "fallback"}', '2026-11-15 02:03:04+00');
INSERT INTO public.messages VALUES (13, '85d09329fb0b4541b41a63a3e38c7c92', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:04:00+00');
INSERT INTO public.messages VALUES (14, '85d09329fb0b4541b41a63a3e38c7c92', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 13, "source": "model"}', '2026-11-15 02:04:04+00');
INSERT INTO public.messages VALUES (15, '85d09329fb0b4541b41a63a3e38c7c92', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:05:00+00');
INSERT INTO public.messages VALUES (16, '85d09329fb0b4541b41a63a3e38c7c92', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 15, "source": "model"}', '2026-11-15 02:05:04+00');
INSERT INTO public.messages VALUES (17, 'ad12286e66354592b988237871e1e5bf', 'buyer', '¿El monitor de 15,6 pulgadas incluye funda?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 15:00:00+00');
INSERT INTO public.messages VALUES (18, 'ad12286e66354592b988237871e1e5bf', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 17, "source": "template"}', '2026-11-15 15:00:04+00');
INSERT INTO public.messages VALUES (19, 'ad12286e66354592b988237871e1e5bf', 'buyer', '¿Cuánto tarda el envío a España?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 15:01:00+00');
INSERT INTO public.messages VALUES (20, 'ad12286e66354592b988237871e1e5bf', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 19, "source": "fallback"}', '2026-11-15 15:01:04+00');
INSERT INTO public.messages VALUES (21, '57826a170dd84a7e844911cabe18195a', 'buyer', '맥북에 USB-C 케이블 하나로 연결되나요?', 'ko', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 07:32:00+00');
INSERT INTO public.messages VALUES (22, '57826a170dd84a7e844911cabe18195a', 'assistant', '(demo reply)', 'ko', NULL, '[]', '{"demo": true, "reply_to": 21, "source": "model"}', '2026-11-15 07:32:04+00');
INSERT INTO public.messages VALUES (23, 'c06ca5275a244c5da373a9aee628baf8', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:01:00+00');
INSERT INTO public.messages VALUES (24, 'c06ca5275a244c5da373a9aee628baf8', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 23, "source": "template"}', '2026-11-15 02:01:04+00');
INSERT INTO public.messages VALUES (25, 'c06ca5275a244c5da373a9aee628baf8', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-15 02:02:00+00');
INSERT INTO public.messages VALUES (26, 'c06ca5275a244c5da373a9aee628baf8', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 25, "source": "model"}', '2026-11-15 02:02:04+00');
INSERT INTO public.messages VALUES (27, '87537d5a2a56407cb78e414a749dabd4', 'buyer', '日本までの配送日数は？', 'ja', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 21:17:00+00');
INSERT INTO public.messages VALUES (28, '87537d5a2a56407cb78e414a749dabd4', 'assistant', '(demo reply)', 'ja', NULL, '[]', '{"demo": true, "reply_to": 27, "source": "fallback"}', '2026-11-16 21:17:04+00');
INSERT INTO public.messages VALUES (29, '87537d5a2a56407cb78e414a749dabd4', 'buyer', '8Kモニターはありますか？', 'ja', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 21:22:00+00');
INSERT INTO public.messages VALUES (30, '87537d5a2a56407cb78e414a749dabd4', 'assistant', '(demo reply)', 'ja', NULL, '[]', '{"demo": true, "reply_to": 29, "source": "template", "refused": true, "handoff": "low_confidence"}', '2026-11-16 21:22:04+00');
INSERT INTO public.messages VALUES (31, '87537d5a2a56407cb78e414a749dabd4', 'merchant', '(demo merchant reply)', 'en', NULL, '[]', '{"demo": true}', '2026-11-16 21:53:00+00');
INSERT INTO public.messages VALUES (32, '5207343c26bf4a0c9d7f68ab061876b1', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 01:29:00+00');
INSERT INTO public.messages VALUES (33, '5207343c26bf4a0c9d7f68ab061876b1', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 32, "source": "model"}', '2026-11-16 01:29:04+00');
INSERT INTO public.messages VALUES (34, '058ead784fc344458279c61f21d56598', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 04:26:00+00');
INSERT INTO public.messages VALUES (35, '058ead784fc344458279c61f21d56598', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 34, "source": "model"}', '2026-11-16 04:26:04+00');
INSERT INTO public.messages VALUES (36, '66feb712d52d446ebf0a2fdd59ef8c4b', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 18:19:00+00');
INSERT INTO public.messages VALUES (37, '66feb712d52d446ebf0a2fdd59ef8c4b', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 36, "source": "model"}', '2026-11-16 18:19:04+00');
INSERT INTO public.messages VALUES (38, '66feb712d52d446ebf0a2fdd59ef8c4b', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 18:20:00+00');
INSERT INTO public.messages VALUES (39, '66feb712d52d446ebf0a2fdd59ef8c4b', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 38, "source": "model"}', '2026-11-16 18:20:04+00');
INSERT INTO public.messages VALUES (40, '66feb712d52d446ebf0a2fdd59ef8c4b', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-16 18:21:00+00');
INSERT INTO public.messages VALUES (41, '66feb712d52d446ebf0a2fdd59ef8c4b', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 40, "source": "model"}', '2026-11-16 18:21:04+00');
INSERT INTO public.messages VALUES (42, 'dbc8a0e4e7454718a545f3d0145950fb', 'buyer', '¿Cuánto tarda el envío a España?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 12:04:00+00');
INSERT INTO public.messages VALUES (43, 'dbc8a0e4e7454718a545f3d0145950fb', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 42, "source": "model"}', '2026-11-17 12:04:04+00');
INSERT INTO public.messages VALUES (44, 'dbc8a0e4e7454718a545f3d0145950fb', 'buyer', '¿El monitor de 15,6 pulgadas incluye funda?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 12:05:00+00');
INSERT INTO public.messages VALUES (45, 'dbc8a0e4e7454718a545f3d0145950fb', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 44, "source": "model"}', '2026-11-17 12:05:04+00');
INSERT INTO public.messages VALUES (46, 'dbc8a0e4e7454718a545f3d0145950fb', 'buyer', '¿El monitor de 15,6 pulgadas incluye funda?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 12:06:00+00');
INSERT INTO public.messages VALUES (47, 'dbc8a0e4e7454718a545f3d0145950fb', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 46, "source": "model"}', '2026-11-17 12:06:04+00');
INSERT INTO public.messages VALUES (48, '21a26d0626ee40dd888c68c3f867e68c', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 18:08:00+00');
INSERT INTO public.messages VALUES (49, '21a26d0626ee40dd888c68c3f867e68c', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 48, "source": "template"}', '2026-11-17 18:08:04+00');
INSERT INTO public.messages VALUES (50, '21a26d0626ee40dd888c68c3f867e68c', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 18:09:00+00');
INSERT INTO public.messages VALUES (51, '21a26d0626ee40dd888c68c3f867e68c', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 50, "source": "fallback"}', '2026-11-17 18:09:04+00');
INSERT INTO public.messages VALUES (52, '3b09fd70ee5441f9b07d39365c36daf2', 'buyer', 'Combien coûte la livraison en France ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 20:35:00+00');
INSERT INTO public.messages VALUES (53, '3b09fd70ee5441f9b07d39365c36daf2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 52, "source": "fallback"}', '2026-11-17 20:35:04+00');
INSERT INTO public.messages VALUES (54, '3b09fd70ee5441f9b07d39365c36daf2', 'buyer', 'Combien coûte la livraison en France ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 20:36:00+00');
INSERT INTO public.messages VALUES (55, '3b09fd70ee5441f9b07d39365c36daf2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 54, "source": "model"}', '2026-11-17 20:36:04+00');
INSERT INTO public.messages VALUES (56, '3b09fd70ee5441f9b07d39365c36daf2', 'buyer', 'Faites-vous des emballages cadeaux ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 20:40:00+00');
INSERT INTO public.messages VALUES (57, '3b09fd70ee5441f9b07d39365c36daf2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 56, "source": "template", "refused": true}', '2026-11-17 20:40:04+00');
INSERT INTO public.messages VALUES (58, '0592cd95afb24776be178181cb957dbd', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 07:47:00+00');
INSERT INTO public.messages VALUES (59, '0592cd95afb24776be178181cb957dbd', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 58, "source": "model"}', '2026-11-17 07:47:04+00');
INSERT INTO public.messages VALUES (60, '0592cd95afb24776be178181cb957dbd', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 07:48:00+00');
INSERT INTO public.messages VALUES (61, '0592cd95afb24776be178181cb957dbd', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 60, "source": "template"}', '2026-11-17 07:48:04+00');
INSERT INTO public.messages VALUES (62, '0592cd95afb24776be178181cb957dbd', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 07:49:00+00');
INSERT INTO public.messages VALUES (63, '0592cd95afb24776be178181cb957dbd', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 62, "source": "model"}', '2026-11-17 07:49:04+00');
INSERT INTO public.messages VALUES (64, 'ffcdde581a59408c9b790ba498cb2c3f', 'buyer', '¿Cuánto tarda el envío a España?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-17 20:54:00+00');
INSERT INTO public.messages VALUES (65, 'ffcdde581a59408c9b790ba498cb2c3f', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 64, "source": "model"}', '2026-11-17 20:54:04+00');
INSERT INTO public.messages VALUES (66, '3a68c8ef8e9748898ae609507fa36a47', 'buyer', 'Wie lange dauert der Versand nach Deutschland?', 'de', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 01:02:00+00');
INSERT INTO public.messages VALUES (67, '3a68c8ef8e9748898ae609507fa36a47', 'assistant', '(demo reply)', 'de', NULL, '[]', '{"demo": true, "reply_to": 66, "source": "model"}', '2026-11-18 01:02:04+00');
INSERT INTO public.messages VALUES (68, '3a68c8ef8e9748898ae609507fa36a47', 'buyer', 'Wie lange dauert der Versand nach Deutschland?', 'de', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 01:03:00+00');
INSERT INTO public.messages VALUES (69, '3a68c8ef8e9748898ae609507fa36a47', 'assistant', '(demo reply)', 'de', NULL, '[]', '{"demo": true, "reply_to": 68, "source": "template"}', '2026-11-18 01:03:04+00');
INSERT INTO public.messages VALUES (70, '3a68c8ef8e9748898ae609507fa36a47', 'buyer', 'Funktioniert der Monitor mit der Nintendo Switch?', 'de', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 01:04:00+00');
INSERT INTO public.messages VALUES (71, '3a68c8ef8e9748898ae609507fa36a47', 'assistant', '(demo reply)', 'de', NULL, '[]', '{"demo": true, "reply_to": 70, "source": "fallback"}', '2026-11-18 01:04:04+00');
INSERT INTO public.messages VALUES (72, '5279b242a1eb41a2aeea58dfebf56bdf', 'buyer', 'How long does shipping to the UK take?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 18:08:00+00');
INSERT INTO public.messages VALUES (73, '5279b242a1eb41a2aeea58dfebf56bdf', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 72, "source": "fallback"}', '2026-11-18 18:08:04+00');
INSERT INTO public.messages VALUES (74, '5279b242a1eb41a2aeea58dfebf56bdf', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 18:09:00+00');
INSERT INTO public.messages VALUES (75, '5279b242a1eb41a2aeea58dfebf56bdf', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 74, "source": "model"}', '2026-11-18 18:09:04+00');
INSERT INTO public.messages VALUES (76, '32c897f82ac5482b9a50973ce0a1475a', 'buyer', '맥북에 USB-C 케이블 하나로 연결되나요?', 'ko', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 15:04:00+00');
INSERT INTO public.messages VALUES (77, '32c897f82ac5482b9a50973ce0a1475a', 'assistant', '(demo reply)', 'ko', NULL, '[]', '{"demo": true, "reply_to": 76, "source": "model"}', '2026-11-18 15:04:04+00');
INSERT INTO public.messages VALUES (78, '4b8fd0f8771840b4b8719082fe9f4454', 'buyer', 'Funktioniert der Monitor mit der Nintendo Switch?', 'de', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 01:57:00+00');
INSERT INTO public.messages VALUES (79, '4b8fd0f8771840b4b8719082fe9f4454', 'assistant', '(demo reply)', 'de', NULL, '[]', '{"demo": true, "reply_to": 78, "source": "model"}', '2026-11-18 01:57:04+00');
INSERT INTO public.messages VALUES (80, '4b8fd0f8771840b4b8719082fe9f4454', 'buyer', 'Funktioniert der Monitor mit der Nintendo Switch?', 'de', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-18 01:58:00+00');
INSERT INTO public.messages VALUES (81, '4b8fd0f8771840b4b8719082fe9f4454', 'assistant', '(demo reply)', 'de', NULL, '[]', '{"demo": true, "reply_to": 80, "source": "template"}', '2026-11-18 01:58:04+00');
INSERT INTO public.messages VALUES (82, '90b0c6d05e6d442681ae61eabdae97d8', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 00:55:00+00');
INSERT INTO public.messages VALUES (83, '90b0c6d05e6d442681ae61eabdae97d8', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 82, "source": "model"}', '2026-11-19 00:55:04+00');
INSERT INTO public.messages VALUES (84, '90b0c6d05e6d442681ae61eabdae97d8', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 00:56:00+00');
INSERT INTO public.messages VALUES (85, '90b0c6d05e6d442681ae61eabdae97d8', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 84, "source": "fallback"}', '2026-11-19 00:56:04+00');
INSERT INTO public.messages VALUES (86, '90b0c6d05e6d442681ae61eabdae97d8', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 00:57:00+00');
INSERT INTO public.messages VALUES (87, '90b0c6d05e6d442681ae61eabdae97d8', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 86, "source": "model"}', '2026-11-19 00:57:04+00');
INSERT INTO public.messages VALUES (88, '55c95d51f1f6418baefd520a5010b51f', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 08:56:00+00');
INSERT INTO public.messages VALUES (89, '55c95d51f1f6418baefd520a5010b51f', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 88, "source": "model"}', '2026-11-19 08:56:04+00');
INSERT INTO public.messages VALUES (90, '55c95d51f1f6418baefd520a5010b51f', 'buyer', 'Ile kosztuje wysyłka do Polski?', 'pl', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 08:57:00+00');
INSERT INTO public.messages VALUES (91, '55c95d51f1f6418baefd520a5010b51f', 'assistant', '(demo reply)', 'pl', NULL, '[]', '{"demo": true, "reply_to": 90, "source": "model"}', '2026-11-19 08:57:04+00');
INSERT INTO public.messages VALUES (92, 'a8d2c0bcb9d94d7081c158125885a96e', 'buyer', '¿Cuánto tarda el envío a España?', 'es', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 09:38:00+00');
INSERT INTO public.messages VALUES (93, 'a8d2c0bcb9d94d7081c158125885a96e', 'assistant', '(demo reply)', 'es', NULL, '[]', '{"demo": true, "reply_to": 92, "source": "model"}', '2026-11-19 09:38:04+00');
INSERT INTO public.messages VALUES (94, '6cd2a93380314b429c4a79f66a946bde', 'buyer', 'Does the 15.6 inch monitor work with a MacBook over one USB-C cable?', 'en', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 15:16:00+00');
INSERT INTO public.messages VALUES (95, '6cd2a93380314b429c4a79f66a946bde', 'assistant', '(demo reply)', 'en', NULL, '[]', '{"demo": true, "reply_to": 94, "source": "model"}', '2026-11-19 15:16:04+00');
INSERT INTO public.messages VALUES (96, 'aa0bd7fc6def42d9a4b637d8442c869a', 'buyer', 'Quanto tempo demora o envio para Portugal?', 'pt', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 10:42:00+00');
INSERT INTO public.messages VALUES (97, 'aa0bd7fc6def42d9a4b637d8442c869a', 'assistant', '(demo reply)', 'pt', NULL, '[]', '{"demo": true, "reply_to": 96, "source": "model"}', '2026-11-19 10:42:04+00');
INSERT INTO public.messages VALUES (98, 'd161c3434f1d4484a658504069c4eab2', 'buyer', 'Combien coûte la livraison en France ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 20:27:00+00');
INSERT INTO public.messages VALUES (99, 'd161c3434f1d4484a658504069c4eab2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 98, "source": "fallback"}', '2026-11-19 20:27:04+00');
INSERT INTO public.messages VALUES (100, 'd161c3434f1d4484a658504069c4eab2', 'buyer', 'Combien coûte la livraison en France ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 20:28:00+00');
INSERT INTO public.messages VALUES (101, 'd161c3434f1d4484a658504069c4eab2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 100, "source": "model"}', '2026-11-19 20:28:04+00');
INSERT INTO public.messages VALUES (102, 'd161c3434f1d4484a658504069c4eab2', 'buyer', 'Faites-vous des emballages cadeaux ?', 'fr', NULL, '[]', '{"demo": true, "intent": "product_question"}', '2026-11-19 20:32:00+00');
INSERT INTO public.messages VALUES (103, 'd161c3434f1d4484a658504069c4eab2', 'assistant', '(demo reply)', 'fr', NULL, '[]', '{"demo": true, "reply_to": 102, "source": "template", "refused": true, "handoff": "low_confidence"}', '2026-11-19 20:32:04+00');
INSERT INTO public.messages VALUES (104, 'd161c3434f1d4484a658504069c4eab2', 'merchant', '(demo merchant reply)', 'en', NULL, '[]', '{"demo": true}', '2026-11-19 21:57:00+00');


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.orders VALUES ('PP-260902', 'k.nowak@example.com', 'PL', 'delivered', '2026-09-02 07:40:00+00', '{"order_no": "PP-260902", "buyer_name": "Katarzyna Nowak", "buyer_email": "k.nowak@example.com", "country_code": "PL", "language": "pl", "created_at": "2026-09-02T07:40:00Z", "items": [{"product_id": "PP-133-FHD", "title": "PixelPort 13.3\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Ultra-Slim", "quantity": 1, "unit_price": "99.00"}, {"product_id": "PP-CASE-133", "title": "PixelPort Padded Sleeve for 13.3\u201314\" Portable Monitors, Water-Resistant", "quantity": 1, "unit_price": "16.00"}], "shipping_paid": "11.00", "total_paid": "126.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "3318", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "83.24.118.77", "device_id": "dev-3c91", "authorization_code": "PL7Q2K"}, "shipping_address": {"name": "Katarzyna Nowak", "line1": "ul. Marsza\u0142kowska 84/92 m. 17", "city": "Warszawa", "postal_code": "00-514", "country_code": "PL"}, "status": "delivered", "carrier": "4PX", "tracking_no": "4PX3001269845PL", "tracking_events": [{"time": "2026-09-03T03:40:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-03T13:40:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-04T11:40:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-06T07:40:00Z", "location": "Warsaw Chopin Airport, PL", "description": "Arrived in destination country"}, {"time": "2026-09-07T07:40:00Z", "location": "Warszawa, PL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-09T09:40:00Z", "location": "Warszawa, PL", "description": "Handed over to InPost"}, {"time": "2026-09-12T10:40:00Z", "location": "Warszawa, PL", "description": "Delivered to parcel locker WAW21M"}], "delivered_at": "2026-09-12T10:40:00Z", "delivery_proof": {"signature_name": null, "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260904', 'lukas.becker@example.com', 'DE', 'delivered', '2026-09-04 18:05:00+00', '{"order_no": "PP-260904", "buyer_name": "Lukas Becker", "buyer_email": "lukas.becker@example.com", "country_code": "DE", "language": "de", "created_at": "2026-09-04T18:05:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CBL-C2C-1M-4K", "title": "PixelPort USB-C to USB-C Full-Function Cable 1 m, 10 Gbps, 4K 60 Hz DP Alt Mode, 100 W PD", "quantity": 1, "unit_price": "15.00"}], "shipping_paid": "0.00", "total_paid": "134.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "5521", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "91.64.201.18", "device_id": "dev-7d0e", "authorization_code": "DE84M1"}, "shipping_address": {"name": "Lukas Becker", "line1": "Sch\u00f6nhauser Allee 112", "city": "Berlin", "postal_code": "10439", "country_code": "DE"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2624711052301", "tracking_events": [{"time": "2026-09-05T14:05:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-06T00:05:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-06T22:05:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-08T22:05:00Z", "location": "Leipzig, DE", "description": "Arrived in destination country"}, {"time": "2026-09-09T20:05:00Z", "location": "Leipzig, DE", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-11T00:05:00Z", "location": "Berlin, DE", "description": "Handed over to DHL Paket"}, {"time": "2026-09-12T06:05:00Z", "location": "Berlin, DE", "description": "Out for delivery"}, {"time": "2026-09-12T12:05:00Z", "location": "Berlin, DE", "description": "Delivered to recipient"}], "delivered_at": "2026-09-12T12:05:00Z", "delivery_proof": {"signature_name": "Becker", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260908', 'yuki.tanaka@example.org', 'JP', 'delivered', '2026-09-08 02:30:00+00', '{"order_no": "PP-260908", "buyer_name": "Yuki Tanaka", "buyer_email": "yuki.tanaka@example.org", "country_code": "JP", "language": "ja", "created_at": "2026-09-08T02:30:00Z", "items": [{"product_id": "PP-101-MINI", "title": "PixelPort Mini 10.1\" FHD+ IPS Portable Monitor, 1920x1200, USB-C + Mini-HDMI, 1/4\" Tripod Mount", "quantity": 1, "unit_price": "79.00"}, {"product_id": "PP-CBL-MHDMI-1M", "title": "PixelPort Mini-HDMI to HDMI Cable 1 m, HDMI 2.0, 4K 60 Hz", "quantity": 1, "unit_price": "9.00"}], "shipping_paid": "10.00", "total_paid": "98.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "9034", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "126.72.45.190", "device_id": "dev-a14b", "authorization_code": "JP3X9T"}, "shipping_address": {"name": "Yuki Tanaka", "line1": "3-14-7 Kichijoji Honcho, Room 402", "city": "Musashino-shi, Tokyo", "postal_code": "180-0004", "country_code": "JP"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2625108873644", "tracking_events": [{"time": "2026-09-08T22:30:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-09T08:30:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-10T06:30:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-11T04:30:00Z", "location": "Narita, JP", "description": "Arrived in destination country"}, {"time": "2026-09-11T20:30:00Z", "location": "Narita, JP", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-12T16:30:00Z", "location": "Tokyo, JP", "description": "Handed over to Japan Post"}, {"time": "2026-09-14T03:30:00Z", "location": "Musashino, JP", "description": "Delivered to recipient"}], "delivered_at": "2026-09-14T03:30:00Z", "delivery_proof": {"signature_name": "Tanaka", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260911', 'emre.yilmaz@example.com', 'TR', 'delivered', '2026-09-11 09:12:00+00', '{"order_no": "PP-260911", "buyer_name": "Emre Y\u0131lmaz", "buyer_email": "emre.yilmaz@example.com", "country_code": "TR", "language": "tr", "created_at": "2026-09-11T09:12:00Z", "items": [{"product_id": "PP-173-FHD-144", "title": "PixelPort 17.3\" FHD 144 Hz IPS Portable Monitor, Dual USB-C + Mini-HDMI, Built-in Stand", "quantity": 1, "unit_price": "179.00"}], "shipping_paid": "25.00", "total_paid": "204.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "7702", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "88.230.61.14", "device_id": "dev-51fa", "authorization_code": "TR0K5D"}, "shipping_address": {"name": "Emre Y\u0131lmaz", "line1": "Cafera\u011fa Mah. Moda Cad. No: 48 D: 6", "city": "Kad\u0131k\u00f6y, \u0130stanbul", "postal_code": "34710", "country_code": "TR"}, "status": "delivered", "carrier": "DHL Express", "tracking_no": "4817265930", "tracking_events": [{"time": "2026-09-12T03:12:00Z", "location": "Shenzhen, CN", "description": "Shipment picked up"}, {"time": "2026-09-12T11:12:00Z", "location": "Hong Kong, HK", "description": "Processed at DHL Hong Kong hub"}, {"time": "2026-09-13T01:12:00Z", "location": "Leipzig, DE", "description": "Transit through DHL hub"}, {"time": "2026-09-13T21:12:00Z", "location": "Istanbul, TR", "description": "Arrived at destination facility"}, {"time": "2026-09-14T23:12:00Z", "location": "Istanbul, TR", "description": "Customs cleared; import duties paid by recipient (DAP)"}, {"time": "2026-09-15T07:12:00Z", "location": "Istanbul, TR", "description": "With delivery courier"}, {"time": "2026-09-15T11:12:00Z", "location": "Istanbul, TR", "description": "Delivered - signed for by recipient"}], "delivered_at": "2026-09-15T11:12:00Z", "delivery_proof": {"signature_name": "E. Yilmaz", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260914', 'sanne.devries@example.org', 'NL', 'returned', '2026-09-14 12:22:00+00', '{"order_no": "PP-260914", "buyer_name": "Sanne de Vries", "buyer_email": "sanne.devries@example.org", "country_code": "NL", "language": "nl", "created_at": "2026-09-14T12:22:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}], "shipping_paid": "0.00", "total_paid": "169.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "2290", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "145.131.9.66", "device_id": "dev-0be3", "authorization_code": "NL55R8"}, "shipping_address": {"name": "Sanne de Vries", "line1": "Oudegracht 231-B", "city": "Utrecht", "postal_code": "3511 NK", "country_code": "NL"}, "status": "returned", "carrier": "YunExpress", "tracking_no": "YT2625711436210", "tracking_events": [{"time": "2026-09-15T08:22:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-15T18:22:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-16T16:22:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-18T14:22:00Z", "location": "Amsterdam Schiphol, NL", "description": "Arrived in destination country"}, {"time": "2026-09-19T10:22:00Z", "location": "Amsterdam Schiphol, NL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-20T08:22:00Z", "location": "Utrecht, NL", "description": "Handed over to PostNL"}, {"time": "2026-09-21T08:22:00Z", "location": "Utrecht, NL", "description": "Delivered to recipient"}, {"time": "2026-10-01T08:22:00Z", "location": "Utrecht, NL", "description": "Return shipment accepted by PostNL (buyer-paid return)"}, {"time": "2026-10-10T08:22:00Z", "location": "Shenzhen, CN", "description": "Return shipment received at PixelPort warehouse"}, {"time": "2026-10-11T14:22:00Z", "location": "Shenzhen, CN", "description": "Return inspected: unused, original packaging; refund approved"}], "delivered_at": "2026-09-21T08:22:00Z", "delivery_proof": {"signature_name": "S. de Vries", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260917', 'a.alharbi@example.org', 'SA', 'delivered', '2026-09-17 15:50:00+00', '{"order_no": "PP-260917", "buyer_name": "Abdullah Al-Harbi", "buyer_email": "a.alharbi@example.org", "country_code": "SA", "language": "ar", "created_at": "2026-09-17T15:50:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CHG-65W", "title": "PixelPort 65 W GaN USB-C PD Charger, PPS, Interchangeable US/EU/UK/AU Plugs", "quantity": 1, "unit_price": "29.00"}], "shipping_paid": "16.00", "total_paid": "164.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "6127", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "51.36.122.40", "device_id": "dev-e20c", "authorization_code": "SA9H3W"}, "shipping_address": {"name": "Abdullah Al-Harbi", "line1": "King Fahd Road, Al Olaya District, Building 7421", "city": "Riyadh", "postal_code": "12214", "country_code": "SA"}, "status": "delivered", "carrier": "Aramex", "tracking_no": "35871046129", "tracking_events": [{"time": "2026-09-18T11:50:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-18T21:50:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-19T19:50:00Z", "location": "Hong Kong International Airport, HK", "description": "Departed origin airport"}, {"time": "2026-09-22T05:50:00Z", "location": "Riyadh, SA", "description": "Arrived in destination country"}, {"time": "2026-09-24T07:50:00Z", "location": "Riyadh, SA", "description": "Customs cleared; duties and VAT paid by recipient (DAP)"}, {"time": "2026-09-26T05:50:00Z", "location": "Riyadh, SA", "description": "Out for delivery"}, {"time": "2026-09-26T10:50:00Z", "location": "Riyadh, SA", "description": "Delivered to recipient"}], "delivered_at": "2026-09-26T10:50:00Z", "delivery_proof": {"signature_name": "Abdullah", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260921', 'jihoon.park@example.org', 'KR', 'delivered', '2026-09-21 01:15:00+00', '{"order_no": "PP-260921", "buyer_name": "Park Ji-hoon", "buyer_email": "jihoon.park@example.org", "country_code": "KR", "language": "ko", "created_at": "2026-09-21T01:15:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}], "shipping_paid": "0.00", "total_paid": "229.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "1881", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "211.234.10.5", "device_id": "dev-8f2a", "authorization_code": "KR4A7C"}, "shipping_address": {"name": "Park Ji-hoon", "line1": "25 Teheran-ro 52-gil, Gangnam-gu, Apt 1203", "city": "Seoul", "postal_code": "06212", "country_code": "KR"}, "status": "delivered", "carrier": "CJ Logistics", "tracking_no": "CJ683021457KR", "tracking_events": [{"time": "2026-09-21T21:15:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-22T07:15:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-23T05:15:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-23T23:15:00Z", "location": "Incheon, KR", "description": "Arrived in destination country"}, {"time": "2026-09-24T13:15:00Z", "location": "Incheon, KR", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-25T05:15:00Z", "location": "Seoul Gangnam, KR", "description": "Arrived at CJ Logistics delivery branch"}, {"time": "2026-09-26T00:15:00Z", "location": "Seoul Gangnam, KR", "description": "Out for delivery"}, {"time": "2026-09-26T05:15:00Z", "location": "Seoul Gangnam, KR", "description": "Delivered - handed to recipient, signature collected"}], "delivered_at": "2026-09-26T05:15:00Z", "delivery_proof": {"signature_name": "Park Ji-hoon", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-260925', 'giulia.romano@example.org', 'IT', 'delivered', '2026-09-25 10:05:00+00', '{"order_no": "PP-260925", "buyer_name": "Giulia Romano", "buyer_email": "giulia.romano@example.org", "country_code": "IT", "language": "it", "created_at": "2026-09-25T10:05:00Z", "items": [{"product_id": "PP-140-2K", "title": "PixelPort 14\" 2.2K IPS Portable Monitor, 2240x1400 16:10, 400 nits, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "139.00"}, {"product_id": "PP-STD-FOLD", "title": "PixelPort Foldable Aluminium Stand for 10.1\u201318.5\" Portable Monitors and Tablets", "quantity": 1, "unit_price": "25.00"}], "shipping_paid": "0.00", "total_paid": "164.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "4410", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "93.45.87.201", "device_id": "dev-66d1", "authorization_code": "IT2M7Z"}, "shipping_address": {"name": "Giulia Romano", "line1": "Via Paolo Sarpi 33", "city": "Milano", "postal_code": "20154", "country_code": "IT"}, "status": "delivered", "carrier": "4PX", "tracking_no": "4PX3001302217IT", "tracking_events": [{"time": "2026-09-26T06:05:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-26T16:05:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-27T14:05:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-30T00:05:00Z", "location": "Milano Malpensa, IT", "description": "Arrived in destination country"}, {"time": "2026-10-01T02:05:00Z", "location": "Milano Malpensa, IT", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-10-02T12:05:00Z", "location": "Milano, IT", "description": "Handed over to Poste Italiane"}, {"time": "2026-10-05T12:05:00Z", "location": "Milano, IT", "description": "Delivered to recipient"}], "delivered_at": "2026-10-05T12:05:00Z", "delivery_proof": {"signature_name": "Romano", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261002', 'fatima.almansoori@example.org', 'AE', 'delivered', '2026-10-02 06:40:00+00', '{"order_no": "PP-261002", "buyer_name": "Fatima Al Mansoori", "buyer_email": "fatima.almansoori@example.org", "country_code": "AE", "language": "ar", "created_at": "2026-10-02T06:40:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "299.00"}], "shipping_paid": "0.00", "total_paid": "299.00", "currency": "USD", "payment": {"method": "card", "card_brand": "amex", "card_last4": "1007", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "94.200.14.73", "device_id": "dev-c7a0", "authorization_code": "AE61P4"}, "shipping_address": {"name": "Fatima Al Mansoori", "line1": "Marina Gate 2, Apartment 2308, Dubai Marina", "city": "Dubai", "postal_code": "00000", "country_code": "AE"}, "status": "delivered", "carrier": "Aramex", "tracking_no": "35872210583", "tracking_events": [{"time": "2026-10-03T02:40:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-03T12:40:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-04T10:40:00Z", "location": "Hong Kong International Airport, HK", "description": "Departed origin airport"}, {"time": "2026-10-06T00:40:00Z", "location": "Dubai, AE", "description": "Arrived in destination country"}, {"time": "2026-10-07T06:40:00Z", "location": "Dubai, AE", "description": "Customs cleared; duties and VAT paid by recipient (DAP)"}, {"time": "2026-10-08T06:40:00Z", "location": "Dubai, AE", "description": "Out for delivery"}, {"time": "2026-10-08T11:40:00Z", "location": "Dubai, AE", "description": "Delivered to recipient"}], "delivered_at": "2026-10-08T11:40:00Z", "delivery_proof": {"signature_name": "Fatima", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261008', 'mcarter@example.com', 'US', 'delivered', '2026-10-08 22:10:00+00', '{"order_no": "PP-261008", "buyer_name": "Michael Carter", "buyer_email": "mcarter@example.com", "country_code": "US", "language": "en", "created_at": "2026-10-08T22:10:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}, {"product_id": "PP-HUB-7IN1", "title": "PixelPort USB-C 7-in-1 Hub: HDMI 4K 60 Hz, 100 W PD, 2x USB-A 3.0, USB-C Data, SD/microSD", "quantity": 1, "unit_price": "35.00"}], "shipping_paid": "0.00", "total_paid": "264.00", "currency": "USD", "payment": {"method": "card", "card_brand": "discover", "card_last4": "6011", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "70.114.35.92", "device_id": "dev-92b7", "authorization_code": "US3D8N"}, "shipping_address": {"name": "Michael Carter", "line1": "4310 Avenue H, Apt 2", "city": "Austin, TX", "postal_code": "78751", "country_code": "US"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2628122590871", "tracking_events": [{"time": "2026-10-09T18:10:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-10T04:10:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-11T02:10:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-13T12:10:00Z", "location": "Los Angeles, CA, US", "description": "Arrived in destination country"}, {"time": "2026-10-14T18:10:00Z", "location": "Los Angeles, CA, US", "description": "Customs cleared; import charges billed to recipient (DAP)"}, {"time": "2026-10-16T00:10:00Z", "location": "Los Angeles, CA, US", "description": "Handed over to USPS"}, {"time": "2026-10-19T14:10:00Z", "location": "Austin, TX, US", "description": "Out for delivery"}, {"time": "2026-10-19T20:10:00Z", "location": "Austin, TX, US", "description": "Delivered, front door/porch"}], "delivered_at": "2026-10-19T20:10:00Z", "delivery_proof": {"signature_name": null, "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261015', 'lukas.becker@example.com', 'DE', 'delivered', '2026-10-15 19:30:00+00', '{"order_no": "PP-261015", "buyer_name": "Lukas Becker", "buyer_email": "lukas.becker@example.com", "country_code": "DE", "language": "de", "created_at": "2026-10-15T19:30:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "299.00"}], "shipping_paid": "0.00", "total_paid": "299.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "5521", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "91.64.201.18", "device_id": "dev-7d0e", "authorization_code": "DE19W6"}, "shipping_address": {"name": "Lukas Becker", "line1": "Sch\u00f6nhauser Allee 112", "city": "Berlin", "postal_code": "10439", "country_code": "DE"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2628820114753", "tracking_events": [{"time": "2026-10-16T15:30:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-17T01:30:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-17T23:30:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-20T03:30:00Z", "location": "Leipzig, DE", "description": "Arrived in destination country"}, {"time": "2026-10-21T01:30:00Z", "location": "Leipzig, DE", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-10-22T03:30:00Z", "location": "Berlin, DE", "description": "Handed over to DHL Paket"}, {"time": "2026-10-24T09:30:00Z", "location": "Berlin, DE", "description": "Out for delivery"}, {"time": "2026-10-24T15:30:00Z", "location": "Berlin, DE", "description": "Delivered to recipient"}], "delivered_at": "2026-10-24T15:30:00Z", "delivery_proof": {"signature_name": "Becker", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261020', 'mariana.oliveira@example.org', 'BR', 'delivered', '2026-10-20 13:25:00+00', '{"order_no": "PP-261020", "buyer_name": "Mariana Oliveira", "buyer_email": "mariana.oliveira@example.org", "country_code": "BR", "language": "pt", "created_at": "2026-10-20T13:25:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}], "shipping_paid": "18.00", "total_paid": "187.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "8846", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "177.92.14.203", "device_id": "dev-b3e8", "authorization_code": "BR7T1V"}, "shipping_address": {"name": "Mariana Oliveira", "line1": "Rua Augusta, 1508, Apto 94, Consola\u00e7\u00e3o", "city": "S\u00e3o Paulo, SP", "postal_code": "01304-001", "country_code": "BR"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00643812957BR", "tracking_events": [{"time": "2026-10-21T09:25:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-21T19:25:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-22T17:25:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-30T03:25:00Z", "location": "Curitiba, PR, BR", "description": "Arrived in destination country"}, {"time": "2026-11-05T09:25:00Z", "location": "Curitiba, PR, BR", "description": "Awaiting import tax payment by recipient (DAP)"}, {"time": "2026-11-07T11:25:00Z", "location": "Curitiba, PR, BR", "description": "Import tax paid; customs cleared"}, {"time": "2026-11-09T03:25:00Z", "location": "Curitiba, PR, BR", "description": "Handed over to Correios"}, {"time": "2026-11-13T17:25:00Z", "location": "S\u00e3o Paulo, SP, BR", "description": "Out for delivery"}, {"time": "2026-11-14T16:25:00Z", "location": "S\u00e3o Paulo, SP, BR", "description": "Delivered to recipient"}], "delivered_at": "2026-11-14T16:25:00Z", "delivery_proof": {"signature_name": "Mariana O.", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261027', 'joao.ferreira@example.org', 'PT', 'delivered', '2026-10-27 11:45:00+00', '{"order_no": "PP-261027", "buyer_name": "Jo\u00e3o Ferreira", "buyer_email": "joao.ferreira@example.org", "country_code": "PT", "language": "pt", "created_at": "2026-10-27T11:45:00Z", "items": [{"product_id": "PP-185-FHD", "title": "PixelPort 18.5\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Kickstand", "quantity": 1, "unit_price": "189.00"}], "shipping_paid": "0.00", "total_paid": "189.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "5093", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "85.240.77.151", "device_id": "dev-4a2f", "authorization_code": "PT2C6G"}, "shipping_address": {"name": "Jo\u00e3o Ferreira", "line1": "Rua de Santa Catarina 214, 3.\u00ba Esq.", "city": "Porto", "postal_code": "4000-442", "country_code": "PT"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00651107234PT", "tracking_events": [{"time": "2026-10-28T07:45:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-28T17:45:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-29T15:45:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-02T07:45:00Z", "location": "Lisboa, PT", "description": "Arrived in destination country"}, {"time": "2026-11-03T13:45:00Z", "location": "Lisboa, PT", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-04T19:45:00Z", "location": "Lisboa, PT", "description": "Handed over to CTT"}, {"time": "2026-11-07T11:45:00Z", "location": "Porto, PT", "description": "Delivered to recipient"}], "delivered_at": "2026-11-07T11:45:00Z", "delivery_proof": {"signature_name": "J. Ferreira", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261103', 'lucia.garcia@example.org', 'ES', 'delivered', '2026-11-03 17:20:00+00', '{"order_no": "PP-261103", "buyer_name": "Luc\u00eda Garc\u00eda", "buyer_email": "lucia.garcia@example.org", "country_code": "ES", "language": "es", "created_at": "2026-11-03T17:20:00Z", "items": [{"product_id": "PP-133-FHD", "title": "PixelPort 13.3\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Ultra-Slim", "quantity": 1, "unit_price": "99.00"}, {"product_id": "PP-SP-133", "title": "PixelPort Anti-Glare Matte Screen Protector for 13.3\" 16:9 Portable Monitors (2-Pack)", "quantity": 1, "unit_price": "10.00"}], "shipping_paid": "12.00", "total_paid": "121.00", "currency": "USD", "payment": {"method": "paypal", "card_brand": null, "card_last4": null, "avs_result": null, "cvv_result": null, "three_ds": null, "ip_address": "88.27.140.9", "device_id": "dev-d58c", "authorization_code": "PAYID-7QK2N4"}, "shipping_address": {"name": "Luc\u00eda Garc\u00eda", "line1": "Calle de Fuencarral 96, 2\u00ba B", "city": "Madrid", "postal_code": "28004", "country_code": "ES"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00662931480ES", "tracking_events": [{"time": "2026-11-04T13:20:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-04T23:20:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-05T21:20:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-08T17:20:00Z", "location": "Madrid Barajas, ES", "description": "Arrived in destination country"}, {"time": "2026-11-09T18:20:00Z", "location": "Madrid Barajas, ES", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-10T19:20:00Z", "location": "Madrid, ES", "description": "Handed over to Correos Express"}, {"time": "2026-11-12T13:20:00Z", "location": "Madrid, ES", "description": "Delivered to recipient"}], "delivered_at": "2026-11-12T13:20:00Z", "delivery_proof": {"signature_name": "Luc\u00eda G.", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261106', 'chen.wei.nl@example.com', 'NL', 'delivered', '2026-11-06 08:00:00+00', '{"order_no": "PP-261106", "buyer_name": "Chen Wei", "buyer_email": "chen.wei.nl@example.com", "country_code": "NL", "language": "zh", "created_at": "2026-11-06T08:00:00Z", "items": [{"product_id": "PP-TRIO-133", "title": "PixelPort Trio 13.3\" Dual-Screen Laptop Extender (Triple Display), 2x FHD IPS, for 13.3\u201316\" Laptops", "quantity": 1, "unit_price": "329.00"}], "shipping_paid": "0.00", "total_paid": "329.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "2466", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "217.123.56.88", "device_id": "dev-1f7d", "authorization_code": "NL03J9"}, "shipping_address": {"name": "Chen Wei", "line1": "Van Woustraat 141-2", "city": "Amsterdam", "postal_code": "1074 AJ", "country_code": "NL"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2630107762198", "tracking_events": [{"time": "2026-11-07T04:00:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-07T14:00:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-08T12:00:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-10T08:00:00Z", "location": "Amsterdam Schiphol, NL", "description": "Arrived in destination country"}, {"time": "2026-11-11T04:00:00Z", "location": "Amsterdam Schiphol, NL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-12T04:00:00Z", "location": "Amsterdam, NL", "description": "Handed over to PostNL"}, {"time": "2026-11-13T16:00:00Z", "location": "Amsterdam, NL", "description": "Delivered to recipient"}], "delivered_at": "2026-11-13T16:00:00Z", "delivery_proof": {"signature_name": "Chen", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261112', 'camille.martin@example.org', 'FR', 'shipped', '2026-11-12 09:35:00+00', '{"order_no": "PP-261112", "buyer_name": "Camille Martin", "buyer_email": "camille.martin@example.org", "country_code": "FR", "language": "fr", "created_at": "2026-11-12T09:35:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CBL-C2C-2M-4K", "title": "PixelPort USB-C to USB-C Full-Function Cable 2 m, 10 Gbps, 4K 60 Hz DP Alt Mode, 100 W PD", "quantity": 1, "unit_price": "19.00"}], "shipping_paid": "0.00", "total_paid": "138.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "7315", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "90.12.203.44", "device_id": "dev-27ce", "authorization_code": "FR8L4B"}, "shipping_address": {"name": "Camille Martin", "line1": "18 rue de la R\u00e9publique", "city": "Lyon", "postal_code": "69002", "country_code": "FR"}, "status": "shipped", "carrier": "YunExpress", "tracking_no": "YT2630706315540", "tracking_events": [{"time": "2026-11-13T05:35:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-13T15:35:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-14T13:35:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-17T01:35:00Z", "location": "Paris Charles de Gaulle, FR", "description": "Arrived in destination country"}, {"time": "2026-11-18T05:35:00Z", "location": "Paris Charles de Gaulle, FR", "description": "Customs cleared (duties prepaid, DDP)"}], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261114', 'diego.hernandez@example.org', 'MX', 'shipped', '2026-11-14 20:50:00+00', '{"order_no": "PP-261114", "buyer_name": "Diego Hern\u00e1ndez", "buyer_email": "diego.hernandez@example.org", "country_code": "MX", "language": "es", "created_at": "2026-11-14T20:50:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}], "shipping_paid": "0.00", "total_paid": "229.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "3372", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "189.203.71.16", "device_id": "dev-f49a", "authorization_code": "MX6N2E"}, "shipping_address": {"name": "Diego Hern\u00e1ndez", "line1": "Av. Chapultepec Sur 284, Int. 5, Col. Americana", "city": "Guadalajara, Jalisco", "postal_code": "44160", "country_code": "MX"}, "status": "shipped", "carrier": "YunExpress", "tracking_no": "YT2631008847325", "tracking_events": [{"time": "2026-11-15T16:50:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-16T02:50:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-17T00:50:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-18T14:50:00Z", "location": "Hong Kong, HK", "description": "In transit to destination country"}], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261118', 'jm.deals2026@example.net', 'US', 'processing', '2026-11-18 04:12:00+00', '{"order_no": "PP-261118", "buyer_name": "Jason Miller", "buyer_email": "jm.deals2026@example.net", "country_code": "US", "language": "en", "created_at": "2026-11-18T04:12:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 2, "unit_price": "299.00"}, {"product_id": "PP-TRIO-133", "title": "PixelPort Trio 13.3\" Dual-Screen Laptop Extender (Triple Display), 2x FHD IPS, for 13.3\u201316\" Laptops", "quantity": 1, "unit_price": "329.00"}], "shipping_paid": "0.00", "total_paid": "927.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "0119", "avs_result": "N", "cvv_result": "M", "three_ds": "not_attempted", "ip_address": "45.134.212.88", "device_id": "dev-00a9", "authorization_code": "US9Z0Q"}, "shipping_address": {"name": "Jason Miller", "line1": "7801 NW 37th St, Unit MIA-48213", "city": "Doral, FL", "postal_code": "33195", "country_code": "US"}, "status": "processing", "carrier": null, "tracking_no": null, "tracking_events": [], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO public.orders VALUES ('PP-261119', 'haruto.sato@example.org', 'JP', 'processing', '2026-11-19 05:05:00+00', '{"order_no": "PP-261119", "buyer_name": "Haruto Sato", "buyer_email": "haruto.sato@example.org", "country_code": "JP", "language": "ja", "created_at": "2026-11-19T05:05:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}, {"product_id": "PP-ACC-STYLUS", "title": "PixelPort Passive Capacitive Stylus for Touchscreen Monitors, Fine Disc Tip", "quantity": 1, "unit_price": "12.00"}], "shipping_paid": "0.00", "total_paid": "181.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "6658", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "153.232.11.74", "device_id": "dev-5e62", "authorization_code": "JP8R3S"}, "shipping_address": {"name": "Haruto Sato", "line1": "2-5-11 Namba-naka, Naniwa-ku, Room 805", "city": "Osaka", "postal_code": "556-0011", "country_code": "JP"}, "status": "processing", "carrier": null, "tracking_no": null, "tracking_events": [], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');


--
-- Data for Name: pending_disputes; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: question_check_runs; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: refund_cases; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refund_cases VALUES ('8c72b9596da34f48bee8986068ddf3f4', 'PP-261020', 'mariana.oliveira@example.org', 'BR', 'USD', NULL, 'damaged', 'O monitor chegou com a tela rachada.', NULL, 'pt', 'resolved', '169.00', '187.00', 'escalate', '0.00', NULL, 'partial_refund_no_return', '40.00', '2026-11-16 12:00:00+00', '2026-11-16 12:00:00+00', '2026-12-02 13:55:49.192724+00');
INSERT INTO public.refund_cases VALUES ('0b52ba20e64d4f72b32e56a73ee9a7bb', 'DEMO-ORD-0018', 'demo-buyer-0018@example.invalid', 'US', 'USD', 'PP-156-4K-OLED', 'changed_mind', '[demo] seeded demo claim', NULL, 'en', 'resolved', '598.00', '927.00', NULL, NULL, NULL, 'return_for_refund', '598.00', '2026-11-15 20:00:00+00', '2026-11-14 15:00:00+00', '2026-11-14 15:00:00+00');
INSERT INTO public.refund_cases VALUES ('5a88a496d01e41f18bc89198275e8a53', 'DEMO-ORD-0053', 'demo-buyer-0053@example.invalid', 'NL', 'USD', 'PP-TRIO-133', 'not_as_described', '[demo] seeded demo claim', NULL, 'en', 'resolved', '329.00', '329.00', NULL, NULL, NULL, 'partial_refund_no_return', '98.70', '2026-11-18 01:00:00+00', '2026-11-16 10:00:00+00', '2026-11-16 10:00:00+00');
INSERT INTO public.refund_cases VALUES ('f277a17b27924b648bfcca1b522965c2', 'DEMO-ORD-0011', 'demo-buyer-0011@example.invalid', 'DE', 'USD', 'PP-156-4K-OLED', 'changed_mind', '[demo] seeded demo claim', NULL, 'en', 'resolved', '299.00', '299.00', NULL, NULL, NULL, 'return_for_refund', '299.00', '2026-11-18 14:00:00+00', '2026-11-17 15:00:00+00', '2026-11-17 15:00:00+00');
INSERT INTO public.refund_cases VALUES ('9ad092c4fe964ac6a84a51ec4d9232de', 'DEMO-ORD-0008', 'demo-buyer-0008@example.invalid', 'IT', 'USD', 'PP-140-2K', 'defective', '[demo] seeded demo claim', NULL, 'en', 'resolved', '139.00', '164.00', NULL, NULL, NULL, 'partial_refund_no_return', '41.70', '2026-11-16 18:00:00+00', '2026-11-15 16:00:00+00', '2026-11-15 16:00:00+00');
INSERT INTO public.refund_cases VALUES ('ed59b5a28c9b43d1a2f150490c63afdc', 'DEMO-ORD-0029', 'demo-buyer-0029@example.invalid', 'US', 'USD', 'PP-156-FHD-240', 'not_as_described', '[demo] seeded demo claim', NULL, 'en', 'resolved', '229.00', '264.00', NULL, NULL, NULL, 'partial_refund_no_return', '68.70', '2026-11-15 22:00:00+00', '2026-11-15 06:00:00+00', '2026-11-15 06:00:00+00');
INSERT INTO public.refund_cases VALUES ('c604ee3e84c44112ab247daaa578c2a9', 'DEMO-ORD-0031', 'demo-buyer-0031@example.invalid', 'BR', 'USD', 'PP-156-TOUCH', 'missing_parts', '[demo] seeded demo claim', NULL, 'en', 'resolved', '169.00', '187.00', NULL, NULL, NULL, 'partial_refund_no_return', '50.70', '2026-11-17 18:00:00+00', '2026-11-17 11:00:00+00', '2026-11-17 11:00:00+00');
INSERT INTO public.refund_cases VALUES ('a2a14fae66a34692a8ec867395d52a33', 'DEMO-ORD-0057', 'demo-buyer-0057@example.invalid', 'JP', 'USD', 'PP-156-TOUCH', 'defective', '[demo] seeded demo claim', NULL, 'en', 'resolved', '169.00', '181.00', NULL, NULL, NULL, 'full_refund_no_return', '169.00', '2026-11-17 17:00:00+00', '2026-11-16 10:00:00+00', '2026-11-16 10:00:00+00');
INSERT INTO public.refund_cases VALUES ('68407db8044d4448b41e34ac42caf2c7', 'DEMO-ORD-0014', 'demo-buyer-0014@example.invalid', 'ES', 'USD', 'PP-133-FHD', 'missing_parts', '[demo] seeded demo claim', NULL, 'en', 'resolved', '99.00', '121.00', NULL, NULL, NULL, 'partial_refund_no_return', '29.70', '2026-11-17 18:00:00+00', '2026-11-16 07:00:00+00', '2026-11-16 07:00:00+00');
INSERT INTO public.refund_cases VALUES ('3ef95baa687e4c489ce562ecba56247b', 'DEMO-ORD-0027', 'demo-buyer-0027@example.invalid', 'IT', 'USD', 'PP-140-2K', 'not_as_described', '[demo] seeded demo claim', NULL, 'en', 'resolved', '139.00', '164.00', NULL, NULL, NULL, 'full_refund_no_return', '139.00', '2026-11-19 06:00:00+00', '2026-11-18 07:00:00+00', '2026-11-18 07:00:00+00');
INSERT INTO public.refund_cases VALUES ('6dbf3bb0e19d41d2b739eb64374e1e06', 'DEMO-ORD-0025', 'demo-buyer-0025@example.invalid', 'SA', 'USD', 'PP-156-FHD', 'damaged', '[demo] seeded demo claim', NULL, 'en', 'resolved', '119.00', '164.00', NULL, NULL, NULL, 'full_refund_no_return', '119.00', '2026-11-18 03:00:00+00', '2026-11-17 00:00:00+00', '2026-11-17 00:00:00+00');


--
-- Data for Name: refund_evidence; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refund_evidence VALUES (1, '8c72b9596da34f48bee8986068ddf3f4', '53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a', 'image', 'image/png', 'crack.png', '0000000000000000', '2026-12-02 13:55:48.301469+00');


--
-- Data for Name: refund_findings; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refund_findings VALUES (1, '8c72b9596da34f48bee8986068ddf3f4', 'unanalysed', NULL, NULL, 0, '{"status": "unanalysed", "issue_visible": "unclear", "damage_type": null, "damage_cause": "unknown", "severity": "none", "product_matches": "unclear", "packaging_damage": "unclear", "text_read": [], "order_no_match": "not_visible", "tracking_no_match": "not_visible", "reused_photo": false, "reused_detail": null, "summary": "", "note": "Unanalysed \u2014 vision model not configured \u2014 manual review.", "model": null, "prompt_version": null}', '[]', '2026-12-02 13:55:48.58525+00');


--
-- Data for Name: refund_negotiation_steps; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refund_negotiation_steps VALUES (1, '8c72b9596da34f48bee8986068ddf3f4', 'review', 'policy-engine', 'escalate', '0.00', 'USD', 'pt', 'Obrigado. Nossa equipe está analisando sua solicitação e responderá em breve.', '2026-12-02 13:55:48.975491+00');
INSERT INTO public.refund_negotiation_steps VALUES (2, '8c72b9596da34f48bee8986068ddf3f4', 'merchant_edit', 'merchant', 'partial_refund_no_return', '40.00', 'USD', 'pt', 'Obrigado, está combinado: 40,00 USD serão reembolsados no seu meio de pagamento original em até 5 dias úteis.', '2026-12-02 13:55:49.23655+00');


--
-- Data for Name: refund_receipts; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.refund_receipts VALUES (1, '8c72b9596da34f48bee8986068ddf3f4', 'PP-261020', 2, 'pt', 'Comprovante de decisão — Reclamação 8c72b9596da34f48bee8986068ddf3f4 · Pedido PP-261020
Decisão: reembolso parcial, sem devolução
Valor: US$ 40,00
Motivo: item chegou danificado; decidido pela nossa equipe conforme a nossa política de reembolso
Data da decisão: 2026-12-02', 'Decision receipt — Claim 8c72b9596da34f48bee8986068ddf3f4 · Order PP-261020
Decision: partial refund, keep the item
Amount: $40.00
Why: item arrived damaged; decided by our team under our refund policy
Decided on: 2026-12-02
Rules applied: Decided by merchant.', '2026-12-02 13:55:49.557474+00');


--
-- Data for Name: store_answers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.store_answers VALUES (1, 'Do you ship to Iceland?', 'Yes, in 6-9 business days.', 'en', 'merchant', NULL, '2026-12-02 13:55:51.209095+00', '2026-12-02 13:55:51.209101+00');


--
-- Data for Name: stored_files; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.stored_files VALUES ('53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a', 'image/png', 'image', 137, '53/53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a.png', '2026-12-02 13:55:48.257878+00');


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.api_keys_id_seq', 1, false);


--
-- Name: audit_events_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_events_id_seq', 13, true);


--
-- Name: chargeback_exhibits_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.chargeback_exhibits_id_seq', 1, false);


--
-- Name: decisions_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.decisions_id_seq', 2, true);


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ingest_runs_id_seq', 1, false);


--
-- Name: listing_glossary_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.listing_glossary_id_seq', 1, false);


--
-- Name: messages_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.messages_id_seq', 104, true);


--
-- Name: question_check_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.question_check_runs_id_seq', 1, false);


--
-- Name: refund_evidence_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.refund_evidence_id_seq', 1, true);


--
-- Name: refund_findings_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.refund_findings_id_seq', 1, true);


--
-- Name: refund_negotiation_steps_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.refund_negotiation_steps_id_seq', 2, true);


--
-- Name: refund_receipts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.refund_receipts_id_seq', 1, true);


--
-- Name: store_answers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.store_answers_id_seq', 1, true);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: audit_events audit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);


--
-- Name: chargeback_cases chargeback_cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chargeback_cases
    ADD CONSTRAINT chargeback_cases_pkey PRIMARY KEY (case_id);


--
-- Name: chargeback_exhibits chargeback_exhibits_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chargeback_exhibits
    ADD CONSTRAINT chargeback_exhibits_pkey PRIMARY KEY (id);


--
-- Name: conversations conversations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversations
    ADD CONSTRAINT conversations_pkey PRIMARY KEY (id);


--
-- Name: decisions decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.decisions
    ADD CONSTRAINT decisions_pkey PRIMARY KEY (id);


--
-- Name: ingest_runs ingest_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_runs
    ADD CONSTRAINT ingest_runs_pkey PRIMARY KEY (id);


--
-- Name: listing_glossary listing_glossary_language_kind_source_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.listing_glossary
    ADD CONSTRAINT listing_glossary_language_kind_source_key UNIQUE (language, kind, source);


--
-- Name: listing_glossary listing_glossary_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.listing_glossary
    ADD CONSTRAINT listing_glossary_pkey PRIMARY KEY (id);


--
-- Name: listing_versions listing_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.listing_versions
    ADD CONSTRAINT listing_versions_pkey PRIMARY KEY (id);


--
-- Name: merchant_settings merchant_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.merchant_settings
    ADD CONSTRAINT merchant_settings_pkey PRIMARY KEY (key);


--
-- Name: messages messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (order_no);


--
-- Name: pending_disputes pending_disputes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pending_disputes
    ADD CONSTRAINT pending_disputes_pkey PRIMARY KEY (dispute_id);


--
-- Name: question_check_runs question_check_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.question_check_runs
    ADD CONSTRAINT question_check_runs_pkey PRIMARY KEY (id);


--
-- Name: refund_cases refund_cases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_cases
    ADD CONSTRAINT refund_cases_pkey PRIMARY KEY (id);


--
-- Name: refund_evidence refund_evidence_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_evidence
    ADD CONSTRAINT refund_evidence_pkey PRIMARY KEY (id);


--
-- Name: refund_findings refund_findings_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_findings
    ADD CONSTRAINT refund_findings_pkey PRIMARY KEY (id);


--
-- Name: refund_negotiation_steps refund_negotiation_steps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_negotiation_steps
    ADD CONSTRAINT refund_negotiation_steps_pkey PRIMARY KEY (id);


--
-- Name: refund_receipts refund_receipts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_receipts
    ADD CONSTRAINT refund_receipts_pkey PRIMARY KEY (id);


--
-- Name: store_answers store_answers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.store_answers
    ADD CONSTRAINT store_answers_pkey PRIMARY KEY (id);


--
-- Name: stored_files stored_files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stored_files
    ADD CONSTRAINT stored_files_pkey PRIMARY KEY (sha256);


--
-- Name: ix_api_keys_key_sha256; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ix_api_keys_key_sha256 ON public.api_keys USING btree (key_sha256);


--
-- Name: ix_audit_events_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_case_id ON public.audit_events USING btree (case_id);


--
-- Name: ix_audit_events_case_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_case_kind ON public.audit_events USING btree (case_kind);


--
-- Name: ix_chargeback_cases_order_no; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chargeback_cases_order_no ON public.chargeback_cases USING btree (order_no);


--
-- Name: ix_chargeback_cases_reason_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chargeback_cases_reason_code ON public.chargeback_cases USING btree (reason_code);


--
-- Name: ix_chargeback_cases_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chargeback_cases_status ON public.chargeback_cases USING btree (status);


--
-- Name: ix_chargeback_exhibits_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_chargeback_exhibits_case_id ON public.chargeback_exhibits USING btree (case_id);


--
-- Name: ix_conversations_session_token; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_conversations_session_token ON public.conversations USING btree (session_token);


--
-- Name: ix_conversations_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_conversations_status ON public.conversations USING btree (status);


--
-- Name: ix_decisions_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_decisions_case_id ON public.decisions USING btree (case_id);


--
-- Name: ix_decisions_case_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_decisions_case_kind ON public.decisions USING btree (case_kind);


--
-- Name: ix_listing_versions_language; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_listing_versions_language ON public.listing_versions USING btree (language);


--
-- Name: ix_listing_versions_product_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_listing_versions_product_id ON public.listing_versions USING btree (product_id);


--
-- Name: ix_listing_versions_source_hash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_listing_versions_source_hash ON public.listing_versions USING btree (source_hash);


--
-- Name: ix_listing_versions_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_listing_versions_status ON public.listing_versions USING btree (status);


--
-- Name: ix_messages_conversation_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_messages_conversation_id ON public.messages USING btree (conversation_id);


--
-- Name: ix_orders_buyer_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_orders_buyer_email ON public.orders USING btree (buyer_email);


--
-- Name: ix_refund_cases_buyer_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_buyer_email ON public.refund_cases USING btree (buyer_email);


--
-- Name: ix_refund_cases_country_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_country_code ON public.refund_cases USING btree (country_code);


--
-- Name: ix_refund_cases_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_created_at ON public.refund_cases USING btree (created_at);


--
-- Name: ix_refund_cases_order_no; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_order_no ON public.refund_cases USING btree (order_no);


--
-- Name: ix_refund_cases_reason; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_reason ON public.refund_cases USING btree (reason);


--
-- Name: ix_refund_cases_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_cases_status ON public.refund_cases USING btree (status);


--
-- Name: ix_refund_evidence_ahash; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_evidence_ahash ON public.refund_evidence USING btree (ahash);


--
-- Name: ix_refund_evidence_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_evidence_case_id ON public.refund_evidence USING btree (case_id);


--
-- Name: ix_refund_evidence_sha256; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_evidence_sha256 ON public.refund_evidence USING btree (sha256);


--
-- Name: ix_refund_findings_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_findings_case_id ON public.refund_findings USING btree (case_id);


--
-- Name: ix_refund_negotiation_steps_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_negotiation_steps_case_id ON public.refund_negotiation_steps USING btree (case_id);


--
-- Name: ix_refund_receipts_case_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_receipts_case_id ON public.refund_receipts USING btree (case_id);


--
-- Name: ix_refund_receipts_order_no; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_refund_receipts_order_no ON public.refund_receipts USING btree (order_no);


--
-- Name: chargeback_exhibits chargeback_exhibits_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chargeback_exhibits
    ADD CONSTRAINT chargeback_exhibits_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.chargeback_cases(case_id) ON DELETE CASCADE;


--
-- Name: messages messages_conversation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_conversation_id_fkey FOREIGN KEY (conversation_id) REFERENCES public.conversations(id) ON DELETE CASCADE;


--
-- Name: refund_evidence refund_evidence_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_evidence
    ADD CONSTRAINT refund_evidence_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.refund_cases(id) ON DELETE CASCADE;


--
-- Name: refund_evidence refund_evidence_sha256_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_evidence
    ADD CONSTRAINT refund_evidence_sha256_fkey FOREIGN KEY (sha256) REFERENCES public.stored_files(sha256);


--
-- Name: refund_findings refund_findings_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_findings
    ADD CONSTRAINT refund_findings_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.refund_cases(id) ON DELETE CASCADE;


--
-- Name: refund_negotiation_steps refund_negotiation_steps_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_negotiation_steps
    ADD CONSTRAINT refund_negotiation_steps_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.refund_cases(id) ON DELETE CASCADE;


--
-- Name: refund_receipts refund_receipts_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.refund_receipts
    ADD CONSTRAINT refund_receipts_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.refund_cases(id);


--
-- PostgreSQL database dump complete
--


