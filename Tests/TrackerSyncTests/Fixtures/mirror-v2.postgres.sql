--
-- PostgreSQL database dump
--

\restrict BjRljTMt1eKFcGrhjQc0A1XJKUJWhmm82d6mtMWVViTeYc6A4bvVJZkF7tS7Gw8

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
-- Name: applications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.applications (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    job_id text,
    candidate_id text,
    first_name text,
    last_name text,
    email text,
    phone text,
    stage text,
    is_archived boolean,
    source text,
    tags jsonb,
    rating double precision,
    custom_fields jsonb,
    applied_at timestamp with time zone,
    created_at timestamp with time zone
);


--
-- Name: atskit_schema_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.atskit_schema_versions (
    version integer NOT NULL,
    applied_at timestamp with time zone NOT NULL
);


--
-- Name: candidates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.candidates (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    first_name text,
    last_name text,
    email text,
    phone text,
    application_ids jsonb,
    created_at timestamp with time zone
);


--
-- Name: custom_field_schemas; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.custom_field_schemas (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    owner text,
    name text,
    display_name text,
    type text,
    is_required boolean,
    options jsonb
);


--
-- Name: derivation_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.derivation_queue (
    account text NOT NULL,
    stream text NOT NULL,
    group_key text NOT NULL
);


--
-- Name: files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.files (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    application_id text,
    filename text,
    kind text,
    content_type text,
    size bigint,
    created_at timestamp with time zone
);


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    title text,
    status text,
    is_hidden boolean,
    category text,
    code text,
    city text,
    state text,
    country text,
    is_remote boolean,
    url text,
    custom_fields jsonb,
    created_at timestamp with time zone
);


--
-- Name: notes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notes (
    account text NOT NULL,
    id text NOT NULL,
    updated_at timestamp with time zone,
    raw jsonb NOT NULL,
    first_seen_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    scan_id text NOT NULL,
    deleted_at timestamp with time zone,
    application_id text,
    job_id text,
    author text,
    body text,
    created_at timestamp with time zone
);


--
-- Name: stage_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stage_history (
    seq bigint NOT NULL,
    account text NOT NULL,
    stream text NOT NULL,
    id text NOT NULL,
    from_stage text,
    to_stage text,
    observed_at timestamp with time zone NOT NULL
);


--
-- Name: stage_history_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.stage_history_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: stage_history_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.stage_history_seq_seq OWNED BY public.stage_history.seq;


--
-- Name: sync_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sync_state (
    account text NOT NULL,
    stream text NOT NULL,
    completed_through timestamp with time zone,
    last_full_scan_through timestamp with time zone,
    checkpoint jsonb,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: stage_history seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_history ALTER COLUMN seq SET DEFAULT nextval('public.stage_history_seq_seq'::regclass);


--
-- Data for Name: applications; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.applications VALUES ('fixture', '1', '2024-12-09 09:44:06+00', '{"id": "1", "city": null, "tags": ["priority"], "email": "karen.lewis27@gmail.com", "phone": "+1 624 912 6182", "state": null, "gender": "Non-binary", "job_id": "1", "rating": null, "source": "ZipRecruiter", "status": "Screening", "address": null, "archived": false, "address_2": null, "last_name": "Lewis", "applied_at": "2024-12-06T02:03:25", "company_id": "1", "created_at": "2024-12-06T02:03:25", "first_name": "Karen", "updated_at": "2024-12-09T01:44:06", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 5, "work_authorization": "US Citizen", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_9777b5d90eab1bbb9a813558ec507724', 'Karen', 'Lewis', 'karen.lewis27@gmail.com', '+1 624 912 6182', 'Screening', false, 'ZipRecruiter', '["priority"]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 5, "work_authorization": "US Citizen", "willing_to_relocate": null}', '2024-12-06 10:03:25+00', '2024-12-06 10:03:25+00');
INSERT INTO public.applications VALUES ('fixture', '2', '2024-12-31 15:18:49+00', '{"id": "2", "city": "Atlanta", "tags": ["referral"], "email": "daniel.obrien14@proton.me", "phone": "(612) 837-8753", "state": "GA", "gender": "Decline to state", "job_id": "1", "rating": null, "source": "Company Website", "status": "Offer", "address": "9726 Elm Blvd", "archived": false, "address_2": null, "last_name": "O''Brien", "applied_at": "2024-12-31T07:18:49", "company_id": "1", "created_at": "2024-12-31T07:18:49", "first_name": "Daniel", "updated_at": "2024-12-31T07:18:49", "custom_fields": {"referral_name": null, "desired_salary": 169100.5, "years_experience": 15, "work_authorization": "Other", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_cc71805003563c7c8e958fd5fe2378ca', 'Daniel', 'O''Brien', 'daniel.obrien14@proton.me', '(612) 837-8753', 'Offer', false, 'Company Website', '["referral"]', NULL, '{"referral_name": null, "desired_salary": 169100.5, "years_experience": 15, "work_authorization": "Other", "willing_to_relocate": false}', '2024-12-31 15:18:49+00', '2024-12-31 15:18:49+00');
INSERT INTO public.applications VALUES ('fixture', '3', '2025-01-22 09:16:35+00', '{"id": "3", "city": null, "tags": [], "email": "mia.nguyen18@example.org", "phone": "+17016454611", "state": null, "gender": "Male", "job_id": "1", "rating": null, "source": "Career Fair", "status": "Screening", "address": null, "archived": false, "address_2": null, "last_name": "Nguyen", "applied_at": "2025-01-19T17:50:17", "company_id": "1", "created_at": "2025-01-19T17:50:17", "first_name": "Mia", "updated_at": "2025-01-22T01:16:35", "custom_fields": {"referral_name": null, "desired_salary": 138700.5, "years_experience": 2, "work_authorization": "H-1B", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_a9e5905886fe67bef71f9235dece415c', 'Mia', 'Nguyen', 'mia.nguyen18@example.org', '+17016454611', 'Screening', false, 'Career Fair', '[]', NULL, '{"referral_name": null, "desired_salary": 138700.5, "years_experience": 2, "work_authorization": "H-1B", "willing_to_relocate": true}', '2025-01-20 01:50:17+00', '2025-01-20 01:50:17+00');
INSERT INTO public.applications VALUES ('fixture', '4', '2025-02-14 12:20:21+00', '{"id": "4", "city": "Austin", "tags": ["priority"], "email": "siobhan.smith26@mail.com", "phone": null, "state": "TX", "gender": null, "job_id": "1", "rating": 3, "source": null, "status": "New", "address": "3900 Cedar Blvd", "archived": false, "address_2": null, "last_name": "Smith", "applied_at": "2025-02-14T04:20:21", "company_id": "1", "created_at": "2025-02-14T04:20:21", "first_name": "Siobhán", "updated_at": "2025-02-14T04:20:21", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 7, "work_authorization": "H-1B", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_87ef08bd4dbe913cfb80f5e5ac8f7b31', 'Siobhán', 'Smith', 'siobhan.smith26@mail.com', NULL, 'New', false, NULL, '["priority"]', 3, '{"referral_name": null, "desired_salary": null, "years_experience": 7, "work_authorization": "H-1B", "willing_to_relocate": null}', '2025-02-14 12:20:21+00', '2025-02-14 12:20:21+00');
INSERT INTO public.applications VALUES ('fixture', '5', '2025-03-07 10:11:09+00', '{"id": "5", "city": null, "tags": [], "email": "linda.brown15@outlook.com", "phone": "1-558-503-0561 ext. 31", "state": null, "gender": "Female", "job_id": "1", "rating": null, "source": "Company Website", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Brown", "applied_at": "2025-03-04T23:46:32", "company_id": "1", "created_at": "2025-03-04T23:46:32", "first_name": "Linda", "updated_at": "2025-03-07T02:11:09", "custom_fields": {"referral_name": null, "desired_salary": 181600.5, "years_experience": null, "work_authorization": null, "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_0266db9344ec433142ee3cf280e4ab62', 'Linda', 'Brown', 'linda.brown15@outlook.com', '1-558-503-0561 ext. 31', 'New', false, 'Company Website', '[]', NULL, '{"referral_name": null, "desired_salary": 181600.5, "years_experience": null, "work_authorization": null, "willing_to_relocate": null}', '2025-03-05 07:46:32+00', '2025-03-05 07:46:32+00');
INSERT INTO public.applications VALUES ('fixture', '6', '2025-03-19 10:44:42+00', '{"id": "6", "city": "Denver", "tags": ["veteran"], "email": "linda.jones13@icloud.com", "phone": "+1 911 325 7590", "state": "CO", "gender": null, "job_id": "2", "rating": 4, "source": "LinkedIn", "status": "Not Selected", "address": "3929 Cedar Ave", "archived": false, "address_2": null, "last_name": "Jones", "applied_at": "2025-03-18T16:06:29", "company_id": "1", "created_at": "2025-03-18T16:06:29", "first_name": "Linda", "updated_at": "2025-03-19T03:44:42", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": null, "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_257de8dbe585c289368aa829c20b8205', 'Linda', 'Jones', 'linda.jones13@icloud.com', '+1 911 325 7590', 'Not Selected', false, 'LinkedIn', '["veteran"]', 4, '{"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": null, "willing_to_relocate": true}', '2025-03-18 23:06:29+00', '2025-03-18 23:06:29+00');
INSERT INTO public.applications VALUES ('fixture', '7', '2025-03-30 13:21:57+00', '{"id": "7", "city": "Chicago", "tags": ["bilingual"], "email": "patricia.harris23@proton.me", "phone": "(453) 602-8300", "state": "IL", "gender": null, "job_id": "2", "rating": 3, "source": "Referral", "status": "Screening", "address": "9696 Elm Ln", "archived": false, "address_2": null, "last_name": "Harris", "applied_at": "2025-03-30T06:21:57", "company_id": "1", "created_at": "2025-03-30T06:21:57", "first_name": "Patricia", "updated_at": "2025-03-30T06:21:57", "custom_fields": {"referral_name": "Patricia Jones", "desired_salary": 79600.5, "years_experience": 7, "work_authorization": "Other", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_777b26bf7cd0f14ea60893b3f1eb2285', 'Patricia', 'Harris', 'patricia.harris23@proton.me', '(453) 602-8300', 'Screening', false, 'Referral', '["bilingual"]', 3, '{"referral_name": "Patricia Jones", "desired_salary": 79600.5, "years_experience": 7, "work_authorization": "Other", "willing_to_relocate": null}', '2025-03-30 13:21:57+00', '2025-03-30 13:21:57+00');
INSERT INTO public.applications VALUES ('fixture', '8', '2025-05-28 00:00:33+00', '{"id": "8", "city": null, "tags": [], "email": "lucas.smithjones9@hotmail.com", "phone": "(650) 503-3678", "state": null, "gender": "Decline to state", "job_id": "2", "rating": 5, "source": "ZipRecruiter", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Smith-Jones", "applied_at": "2025-04-19T02:59:54", "company_id": "1", "created_at": "2025-04-19T02:59:54", "first_name": "Lucas", "updated_at": "2025-05-27T17:00:33", "custom_fields": {"referral_name": null, "desired_salary": 97400.5, "years_experience": 20, "work_authorization": "US Citizen", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_97ca332fd3ea750b4afbe0db63c55ad7', 'Lucas', 'Smith-Jones', 'lucas.smithjones9@hotmail.com', '(650) 503-3678', 'New', false, 'ZipRecruiter', '[]', 5, '{"referral_name": null, "desired_salary": 97400.5, "years_experience": 20, "work_authorization": "US Citizen", "willing_to_relocate": false}', '2025-04-19 09:59:54+00', '2025-04-19 09:59:54+00');
INSERT INTO public.applications VALUES ('fixture', '9', '2025-05-01 03:24:58+00', '{"id": "9", "city": null, "tags": [], "email": "mia.nguyen18@example.org", "phone": "+1 701 645 4611", "state": null, "gender": null, "job_id": "2", "rating": null, "source": "LinkedIn", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Nguyen", "applied_at": "2025-04-30T20:24:58", "company_id": "1", "created_at": "2025-04-30T20:24:58", "first_name": "Mia", "updated_at": "2025-04-30T20:24:58", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_a9e5905886fe67bef71f9235dece415c', 'Mia', 'Nguyen', 'mia.nguyen18@example.org', '+1 701 645 4611', 'New', false, 'LinkedIn', '[]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}', '2025-05-01 03:24:58+00', '2025-05-01 03:24:58+00');
INSERT INTO public.applications VALUES ('fixture', '10', '2025-05-30 20:17:52+00', '{"id": "10", "city": "Chicago", "tags": ["silver-medalist"], "email": "patricia.harris23@proton.me", "phone": "1-453-602-8300 ext. 30", "state": "IL", "gender": "Decline to state", "job_id": "1", "rating": null, "source": "Company Website", "status": "Not Selected", "address": "9696 Elm Ln", "archived": true, "address_2": null, "last_name": "Harris", "applied_at": "2025-05-26T03:37:53", "company_id": "1", "created_at": "2025-05-26T03:37:53", "first_name": "Patricia", "updated_at": "2025-05-30T13:17:52", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 4, "work_authorization": "Other", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_777b26bf7cd0f14ea60893b3f1eb2285', 'Patricia', 'Harris', 'patricia.harris23@proton.me', '1-453-602-8300 ext. 30', 'Not Selected', true, 'Company Website', '["silver-medalist"]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 4, "work_authorization": "Other", "willing_to_relocate": false}', '2025-05-26 10:37:53+00', '2025-05-26 10:37:53+00');
INSERT INTO public.applications VALUES ('fixture', '11', '2025-06-15 00:54:07+00', '{"id": "11", "city": "Chicago", "tags": [], "email": "mia.nguyen18@example.org", "phone": "701-645-4611", "state": "IL", "gender": null, "job_id": "2", "rating": null, "source": "LinkedIn", "status": "New", "address": "3991 Pine Rd", "archived": false, "address_2": "Apt 574", "last_name": "Nguyen", "applied_at": "2025-06-14T08:36:13", "company_id": "1", "created_at": "2025-06-14T08:36:13", "first_name": "Mia", "updated_at": "2025-06-14T17:54:07", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 8, "work_authorization": "Green Card", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_a9e5905886fe67bef71f9235dece415c', 'Mia', 'Nguyen', 'mia.nguyen18@example.org', '701-645-4611', 'New', false, 'LinkedIn', '[]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 8, "work_authorization": "Green Card", "willing_to_relocate": false}', '2025-06-14 15:36:13+00', '2025-06-14 15:36:13+00');
INSERT INTO public.applications VALUES ('fixture', '12', '2025-07-04 06:52:16+00', '{"id": "12", "city": null, "tags": [], "email": "nancy.haddad8@example.org", "phone": "3369496223", "state": null, "gender": "Male", "job_id": "1", "rating": 1, "source": "Referral", "status": "Interview", "address": null, "archived": false, "address_2": null, "last_name": "Haddad", "applied_at": "2025-07-03T02:45:30", "company_id": "1", "created_at": "2025-07-03T02:45:30", "first_name": "Nancy", "updated_at": "2025-07-03T23:52:16", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 16, "work_authorization": "Other", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_5b5edae80f510637eeff12cba45ac154', 'Nancy', 'Haddad', 'nancy.haddad8@example.org', '3369496223', 'Interview', false, 'Referral', '[]', 1, '{"referral_name": null, "desired_salary": null, "years_experience": 16, "work_authorization": "Other", "willing_to_relocate": null}', '2025-07-03 09:45:30+00', '2025-07-03 09:45:30+00');
INSERT INTO public.applications VALUES ('fixture', '13', '2025-07-23 17:44:34+00', '{"id": "13", "city": "Atlanta", "tags": [], "email": "patricia.smith5@gmail.com", "phone": "+18884123791", "state": "GA", "gender": "Non-binary", "job_id": "2", "rating": null, "source": "Glassdoor", "status": "Interview", "address": "3908 Maple Ln", "archived": false, "address_2": "Apt 250", "last_name": "Smith", "applied_at": "2025-07-21T01:50:39", "company_id": "1", "created_at": "2025-07-21T01:50:39", "first_name": "Patricia", "updated_at": "2025-07-23T10:44:34", "custom_fields": {"referral_name": null, "desired_salary": 76600.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_35864bde89b3bac37d0cbcf742e9e17c', 'Patricia', 'Smith', 'patricia.smith5@gmail.com', '+18884123791', 'Interview', false, 'Glassdoor', '[]', NULL, '{"referral_name": null, "desired_salary": 76600.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}', '2025-07-21 08:50:39+00', '2025-07-21 08:50:39+00');
INSERT INTO public.applications VALUES ('fixture', '14', '2025-08-15 03:06:27+00', '{"id": "14", "city": null, "tags": [], "email": "mia.nguyen18@example.org", "phone": "(701) 645-4611", "state": null, "gender": null, "job_id": "2", "rating": 4, "source": "Glassdoor", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Nguyen", "applied_at": "2025-08-14T09:04:44", "company_id": "1", "created_at": "2025-08-14T09:04:44", "first_name": "Mia", "updated_at": "2025-08-14T20:06:27", "custom_fields": {"referral_name": null, "desired_salary": 161000.5, "years_experience": 22, "work_authorization": null, "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_a9e5905886fe67bef71f9235dece415c', 'Mia', 'Nguyen', 'mia.nguyen18@example.org', '(701) 645-4611', 'New', false, 'Glassdoor', '[]', 4, '{"referral_name": null, "desired_salary": 161000.5, "years_experience": 22, "work_authorization": null, "willing_to_relocate": true}', '2025-08-14 16:04:44+00', '2025-08-14 16:04:44+00');
INSERT INTO public.applications VALUES ('fixture', '15', '2025-08-21 21:08:09+00', '{"id": "15", "city": "Denver", "tags": ["rehire"], "email": "aisha.clark24@example.org", "phone": "(678) 371-8548", "state": "CO", "gender": "Decline to state", "job_id": "3", "rating": 1, "source": null, "status": "Hired", "address": "6918 River Ln", "archived": false, "address_2": null, "last_name": "Clark", "applied_at": "2025-08-20T21:25:30", "company_id": "1", "created_at": "2025-08-20T21:25:30", "first_name": "Aisha", "updated_at": "2025-08-21T14:08:09", "custom_fields": {"referral_name": null, "desired_salary": 46900.5, "years_experience": 10, "work_authorization": "Green Card", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_3a12b4c0faafceb067cea058c5ca425d', 'Aisha', 'Clark', 'aisha.clark24@example.org', '(678) 371-8548', 'Hired', false, NULL, '["rehire"]', 1, '{"referral_name": null, "desired_salary": 46900.5, "years_experience": 10, "work_authorization": "Green Card", "willing_to_relocate": false}', '2025-08-21 04:25:30+00', '2025-08-21 04:25:30+00');
INSERT INTO public.applications VALUES ('fixture', '16', '2025-09-10 13:54:01+00', '{"id": "16", "city": null, "tags": [], "email": "sarah.jones4@mail.com", "phone": "+16228233544", "state": null, "gender": "Non-binary", "job_id": "3", "rating": null, "source": "Glassdoor", "status": "Not Selected", "address": null, "archived": true, "address_2": null, "last_name": "Jones", "applied_at": "2025-09-10T06:54:01", "company_id": "1", "created_at": "2025-09-10T06:54:01", "first_name": "Sarah", "updated_at": "2025-09-10T06:54:01", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 0, "work_authorization": "H-1B", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_dc4777c101dd43282e992fd2736056e5', 'Sarah', 'Jones', 'sarah.jones4@mail.com', '+16228233544', 'Not Selected', true, 'Glassdoor', '[]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 0, "work_authorization": "H-1B", "willing_to_relocate": false}', '2025-09-10 13:54:01+00', '2025-09-10 13:54:01+00');
INSERT INTO public.applications VALUES ('fixture', '17', '2025-10-04 20:30:43+00', '{"id": "17", "city": "Denver", "tags": ["referral"], "email": "jose.obrien16@yahoo.com", "phone": "+1 670 297 1750", "state": "CO", "gender": "Non-binary", "job_id": "3", "rating": null, "source": null, "status": "Not Selected", "address": "147 Washington Blvd", "archived": true, "address_2": null, "last_name": "O''Brien", "applied_at": "2025-10-04T13:30:43", "company_id": "1", "created_at": "2025-10-04T13:30:43", "first_name": "José", "updated_at": "2025-10-04T13:30:43", "custom_fields": {"referral_name": null, "desired_salary": 77800.5, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_babd275bba435ca5a222d69916f3ca51', 'José', 'O''Brien', 'jose.obrien16@yahoo.com', '+1 670 297 1750', 'Not Selected', true, NULL, '["referral"]', NULL, '{"referral_name": null, "desired_salary": 77800.5, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}', '2025-10-04 20:30:43+00', '2025-10-04 20:30:43+00');
INSERT INTO public.applications VALUES ('fixture', '18', '2025-12-04 11:00:27+00', '{"id": "18", "city": "Honolulu", "tags": ["bilingual"], "email": "lucas.miller19@yahoo.com", "phone": "(952) 536-6090", "state": "HI", "gender": null, "job_id": "2", "rating": 2, "source": "Referral", "status": "Not Selected", "address": "2151 Park Blvd", "archived": true, "address_2": "Apt 265", "last_name": "Miller", "applied_at": "2025-10-23T16:01:17", "company_id": "1", "created_at": "2025-10-23T16:01:17", "first_name": "Lucas", "updated_at": "2025-12-04T03:00:27", "custom_fields": {"referral_name": null, "desired_salary": 65900.5, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_865cae5e6d7a08cc49f0b65d32892183', 'Lucas', 'Miller', 'lucas.miller19@yahoo.com', '(952) 536-6090', 'Not Selected', true, 'Referral', '["bilingual"]', 2, '{"referral_name": null, "desired_salary": 65900.5, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": false}', '2025-10-23 23:01:17+00', '2025-10-23 23:01:17+00');
INSERT INTO public.applications VALUES ('fixture', '19', '2025-11-30 18:52:25+00', '{"id": "19", "city": null, "tags": [], "email": "Siobhan.Hernandez3@Mail.com", "phone": "+1 836 624 8079", "state": null, "gender": "Non-binary", "job_id": "1", "rating": null, "source": "Referral", "status": "Not Selected", "address": null, "archived": false, "address_2": null, "last_name": "Hernandez", "applied_at": "2025-11-11T13:32:45", "company_id": "1", "created_at": "2025-11-11T13:32:45", "first_name": "Siobhán", "updated_at": "2025-11-30T10:52:25", "custom_fields": {"referral_name": "Aisha Clark", "desired_salary": 111000.5, "years_experience": 5, "work_authorization": "US Citizen", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_d96a6624b106689b7ca721fc7d223058', 'Siobhán', 'Hernandez', 'Siobhan.Hernandez3@Mail.com', '+1 836 624 8079', 'Not Selected', false, 'Referral', '[]', NULL, '{"referral_name": "Aisha Clark", "desired_salary": 111000.5, "years_experience": 5, "work_authorization": "US Citizen", "willing_to_relocate": false}', '2025-11-11 21:32:45+00', '2025-11-11 21:32:45+00');
INSERT INTO public.applications VALUES ('fixture', '20', '2025-12-03 23:59:23+00', '{"id": "20", "city": "Honolulu", "tags": ["priority"], "email": "lucas.miller19@yahoo.com", "phone": "952-536-6090", "state": "HI", "gender": "Male", "job_id": "1", "rating": null, "source": "Indeed", "status": "New", "address": "2151 Park Blvd", "archived": false, "address_2": "Apt 590", "last_name": "Miller", "applied_at": "2025-12-02T00:55:34", "company_id": "1", "created_at": "2025-12-02T00:55:34", "first_name": "Lucas", "updated_at": "2025-12-03T15:59:23", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 16, "work_authorization": "H-1B", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_865cae5e6d7a08cc49f0b65d32892183', 'Lucas', 'Miller', 'lucas.miller19@yahoo.com', '952-536-6090', 'New', false, 'Indeed', '["priority"]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 16, "work_authorization": "H-1B", "willing_to_relocate": true}', '2025-12-02 08:55:34+00', '2025-12-02 08:55:34+00');
INSERT INTO public.applications VALUES ('fixture', '21', '2025-12-18 04:32:25+00', '{"id": "21", "city": "Chicago", "tags": ["bilingual"], "email": "MIA.NGUYEN18@EXAMPLE.ORG", "phone": "(701) 645-4611", "state": "IL", "gender": "Male", "job_id": "3", "rating": null, "source": null, "status": "Offer", "address": "3991 Pine Rd", "archived": false, "address_2": null, "last_name": "Nguyen", "applied_at": "2025-12-17T04:38:25", "company_id": "1", "created_at": "2025-12-17T04:38:25", "first_name": "Mia", "updated_at": "2025-12-17T20:32:25", "custom_fields": {"referral_name": null, "desired_salary": 161600.5, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_a9e5905886fe67bef71f9235dece415c', 'Mia', 'Nguyen', 'MIA.NGUYEN18@EXAMPLE.ORG', '(701) 645-4611', 'Offer', false, NULL, '["bilingual"]', NULL, '{"referral_name": null, "desired_salary": 161600.5, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": false}', '2025-12-17 12:38:25+00', '2025-12-17 12:38:25+00');
INSERT INTO public.applications VALUES ('fixture', '22', '2025-12-23 11:01:12+00', '{"id": "22", "city": "Portland", "tags": ["bilingual"], "email": "mateo.anderson20@mail.com", "phone": null, "state": "OR", "gender": "Non-binary", "job_id": "3", "rating": null, "source": "ZipRecruiter", "status": "Phone Interview", "address": "2876 Cedar Ave", "archived": false, "address_2": null, "last_name": "Anderson", "applied_at": "2025-12-23T03:01:12", "company_id": "1", "created_at": "2025-12-23T03:01:12", "first_name": "Mateo", "updated_at": "2025-12-23T03:01:12", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 0, "work_authorization": "H-1B", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_9cda2e28d99ddc8dbb4a7125e33895b3', 'Mateo', 'Anderson', 'mateo.anderson20@mail.com', NULL, 'Phone Interview', false, 'ZipRecruiter', '["bilingual"]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 0, "work_authorization": "H-1B", "willing_to_relocate": true}', '2025-12-23 11:01:12+00', '2025-12-23 11:01:12+00');
INSERT INTO public.applications VALUES ('fixture', '23', '2026-01-17 09:41:27+00', '{"id": "23", "city": "Honolulu", "tags": ["needs-visa"], "email": "david.patel0@mail.com", "phone": null, "state": "HI", "gender": "Female", "job_id": "3", "rating": null, "source": "Career Fair", "status": "New", "address": "1557 Hill Way", "archived": false, "address_2": null, "last_name": "Patel", "applied_at": "2026-01-17T01:41:27", "company_id": "1", "created_at": "2026-01-17T01:41:27", "first_name": "David", "updated_at": "2026-01-17T01:41:27", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 23, "work_authorization": "US Citizen", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_17722986d9546ed48e674ec51cf59a53', 'David', 'Patel', 'david.patel0@mail.com', NULL, 'New', false, 'Career Fair', '["needs-visa"]', NULL, '{"referral_name": null, "desired_salary": null, "years_experience": 23, "work_authorization": "US Citizen", "willing_to_relocate": true}', '2026-01-17 09:41:27+00', '2026-01-17 09:41:27+00');
INSERT INTO public.applications VALUES ('fixture', '24', '2026-01-31 17:59:20+00', '{"id": "24", "city": "New York", "tags": [], "email": " karen.lewis27@gmail.com", "phone": "624-912-6182", "state": "NY", "gender": "Decline to state", "job_id": "1", "rating": null, "source": "Indeed", "status": "Not Selected", "address": "6629 River Ave", "archived": true, "address_2": null, "last_name": "Lewis", "applied_at": "2026-01-31T09:59:20", "company_id": "1", "created_at": "2026-01-31T09:59:20", "first_name": "Karen", "updated_at": "2026-01-31T09:59:20", "custom_fields": {"referral_name": null, "desired_salary": 89100.5, "years_experience": 2, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '1', 'tc_9777b5d90eab1bbb9a813558ec507724', 'Karen', 'Lewis', ' karen.lewis27@gmail.com', '624-912-6182', 'Not Selected', true, 'Indeed', '[]', NULL, '{"referral_name": null, "desired_salary": 89100.5, "years_experience": 2, "work_authorization": "Green Card", "willing_to_relocate": true}', '2026-01-31 17:59:20+00', '2026-01-31 17:59:20+00');
INSERT INTO public.applications VALUES ('fixture', '25', '2026-03-04 11:29:59+00', '{"id": "25", "city": "Honolulu", "tags": ["rehire", "referral"], "email": " david.patel0@mail.com", "phone": "574-530-6888", "state": "HI", "gender": "Female", "job_id": "2", "rating": 4, "source": "Indeed", "status": "New", "address": "1557 Hill Way", "archived": false, "address_2": null, "last_name": "Patel", "applied_at": "2026-03-04T03:29:59", "company_id": "1", "created_at": "2026-03-04T03:29:59", "first_name": "David", "updated_at": "2026-03-04T03:29:59", "custom_fields": {"referral_name": null, "desired_salary": 142200.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '2', 'tc_17722986d9546ed48e674ec51cf59a53', 'David', 'Patel', ' david.patel0@mail.com', '574-530-6888', 'New', false, 'Indeed', '["rehire", "referral"]', 4, '{"referral_name": null, "desired_salary": 142200.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}', '2026-03-04 11:29:59+00', '2026-03-04 11:29:59+00');
INSERT INTO public.applications VALUES ('fixture', '26', '2026-03-16 00:08:49+00', '{"id": "26", "city": "New York", "tags": [], "email": "thomas.johnson2@proton.me", "phone": "(472) 798-9240", "state": "NY", "gender": "Male", "job_id": "3", "rating": 1, "source": "Referral", "status": "Offer", "address": "4801 Washington Way", "archived": false, "address_2": "Apt 948", "last_name": "Johnson", "applied_at": "2026-03-13T18:36:09", "company_id": "1", "created_at": "2026-03-13T18:36:09", "first_name": "Thomas", "updated_at": "2026-03-15T17:08:49", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 18, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_f98562e78f379274c272a12665a83a7d', 'Thomas', 'Johnson', 'thomas.johnson2@proton.me', '(472) 798-9240', 'Offer', false, 'Referral', '[]', 1, '{"referral_name": null, "desired_salary": null, "years_experience": 18, "work_authorization": "Green Card", "willing_to_relocate": true}', '2026-03-14 01:36:09+00', '2026-03-14 01:36:09+00');
INSERT INTO public.applications VALUES ('fixture', '27', '2026-04-02 13:10:20+00', '{"id": "27", "city": "Atlanta", "tags": ["rehire", "veteran"], "email": "patricia.smith5@gmail.com", "phone": "888.412.3791", "state": "GA", "gender": "Male", "job_id": "3", "rating": null, "source": "Career Fair", "status": "Screening", "address": "3908 Maple Ln", "archived": false, "address_2": "Apt 570", "last_name": "Smith", "applied_at": "2026-04-01T22:26:33", "company_id": "1", "created_at": "2026-04-01T22:26:33", "first_name": "Patricia", "updated_at": "2026-04-02T06:10:20", "custom_fields": {"referral_name": "Linda Jones", "desired_salary": null, "years_experience": 23, "work_authorization": null, "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_35864bde89b3bac37d0cbcf742e9e17c', 'Patricia', 'Smith', 'patricia.smith5@gmail.com', '888.412.3791', 'Screening', false, 'Career Fair', '["rehire", "veteran"]', NULL, '{"referral_name": "Linda Jones", "desired_salary": null, "years_experience": 23, "work_authorization": null, "willing_to_relocate": true}', '2026-04-02 05:26:33+00', '2026-04-02 05:26:33+00');
INSERT INTO public.applications VALUES ('fixture', '28', '2026-04-26 08:14:29+00', '{"id": "28", "city": "Phoenix", "tags": ["veteran"], "email": "noah.johnson22@hotmail.com", "phone": "+12242632460", "state": "AZ", "gender": "Male", "job_id": "3", "rating": 5, "source": "LinkedIn", "status": "New", "address": "9651 River Ln", "archived": false, "address_2": null, "last_name": "Johnson", "applied_at": "2026-04-25T06:54:16", "company_id": "1", "created_at": "2026-04-25T06:54:16", "first_name": "Noah", "updated_at": "2026-04-26T01:14:29", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_421c564ffb9e56dce5bdf6cdd09792e0', 'Noah', 'Johnson', 'noah.johnson22@hotmail.com', '+12242632460', 'New', false, 'LinkedIn', '["veteran"]', 5, '{"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": true}', '2026-04-25 13:54:16+00', '2026-04-25 13:54:16+00');
INSERT INTO public.applications VALUES ('fixture', '29', '2026-05-11 05:12:25+00', '{"id": "29", "city": "Portland", "tags": ["rehire"], "email": "patricia.wilson10@mail.com", "phone": "525.451.4973", "state": "OR", "gender": "Female", "job_id": "4", "rating": null, "source": "Indeed", "status": "Not Selected", "address": "1932 Park Way", "archived": false, "address_2": null, "last_name": "Wilson", "applied_at": "2026-05-10T22:12:25", "company_id": "1", "created_at": "2026-05-10T22:12:25", "first_name": "Patricia", "updated_at": "2026-05-10T22:12:25", "custom_fields": {"referral_name": null, "desired_salary": 198500.5, "years_experience": 14, "work_authorization": "US Citizen", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '4', 'tc_aa82dc6f7a79bfd0782f6cc4e378a322', 'Patricia', 'Wilson', 'patricia.wilson10@mail.com', '525.451.4973', 'Not Selected', false, 'Indeed', '["rehire"]', NULL, '{"referral_name": null, "desired_salary": 198500.5, "years_experience": 14, "work_authorization": "US Citizen", "willing_to_relocate": true}', '2026-05-11 05:12:25+00', '2026-05-11 05:12:25+00');
INSERT INTO public.applications VALUES ('fixture', '30', '2026-05-19 11:32:13+00', '{"id": "30", "city": null, "tags": [], "email": "barbara.silva12@yahoo.com", "phone": "+1 348 204 2691", "state": null, "gender": null, "job_id": "3", "rating": 2, "source": "Referral", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Silva", "applied_at": "2026-05-19T04:32:13", "company_id": "1", "created_at": "2026-05-19T04:32:13", "first_name": "Barbara", "updated_at": "2026-05-19T04:32:13", "custom_fields": {"referral_name": "Daniel O''Brien", "desired_salary": null, "years_experience": 11, "work_authorization": "US Citizen", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_10c88c33f01bc495f51507fba3a3ea98', 'Barbara', 'Silva', 'barbara.silva12@yahoo.com', '+1 348 204 2691', 'New', false, 'Referral', '[]', 2, '{"referral_name": "Daniel O''Brien", "desired_salary": null, "years_experience": 11, "work_authorization": "US Citizen", "willing_to_relocate": null}', '2026-05-19 11:32:13+00', '2026-05-19 11:32:13+00');
INSERT INTO public.applications VALUES ('fixture', '31', '2026-06-08 14:02:50+00', '{"id": "31", "city": "Denver", "tags": [], "email": "sarah.jones4@mail.com", "phone": "622-823-3544", "state": "CO", "gender": null, "job_id": "3", "rating": 1, "source": null, "status": "Not Selected", "address": "7167 Park Blvd", "archived": false, "address_2": "Apt 800", "last_name": "Jones", "applied_at": "2026-06-08T07:02:50", "company_id": "1", "created_at": "2026-06-08T07:02:50", "first_name": "Sarah", "updated_at": "2026-06-08T07:02:50", "custom_fields": {"referral_name": null, "desired_salary": 102400.5, "years_experience": 1, "work_authorization": "Green Card", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_dc4777c101dd43282e992fd2736056e5', 'Sarah', 'Jones', 'sarah.jones4@mail.com', '622-823-3544', 'Not Selected', false, NULL, '[]', 1, '{"referral_name": null, "desired_salary": 102400.5, "years_experience": 1, "work_authorization": "Green Card", "willing_to_relocate": true}', '2026-06-08 14:02:50+00', '2026-06-08 14:02:50+00');
INSERT INTO public.applications VALUES ('fixture', '32', '2026-07-02 00:55:57+00', '{"id": "32", "city": "Denver", "tags": [], "email": "sarah.jones4@mail.com", "phone": "(622) 823-3544", "state": "CO", "gender": "Female", "job_id": "5", "rating": null, "source": "LinkedIn", "status": "Screening", "address": "7167 Park Blvd", "archived": false, "address_2": null, "last_name": "Jones", "applied_at": "2026-07-01T17:55:57", "company_id": "1", "created_at": "2026-07-01T17:55:57", "first_name": "Sarah", "updated_at": "2026-07-01T17:55:57", "custom_fields": {"referral_name": null, "desired_salary": 199600.5, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '5', 'tc_dc4777c101dd43282e992fd2736056e5', 'Sarah', 'Jones', 'sarah.jones4@mail.com', '(622) 823-3544', 'Screening', false, 'LinkedIn', '[]', NULL, '{"referral_name": null, "desired_salary": 199600.5, "years_experience": null, "work_authorization": "Green Card", "willing_to_relocate": false}', '2026-07-02 00:55:57+00', '2026-07-02 00:55:57+00');
INSERT INTO public.applications VALUES ('fixture', '33', '2026-07-18 11:00:43+00', '{"id": "33", "city": null, "tags": [], "email": "carlos.martin21@icloud.com", "phone": "7533987588", "state": null, "gender": "Male", "job_id": "3", "rating": 5, "source": "LinkedIn", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Martin", "applied_at": "2026-07-18T04:00:43", "company_id": "1", "created_at": "2026-07-18T04:00:43", "first_name": "Carlos", "updated_at": "2026-07-18T04:00:43", "custom_fields": {"referral_name": null, "desired_salary": 79600.5, "years_experience": 4, "work_authorization": "US Citizen", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_73f638f1f4f01eff49e8cbaaeda01b85', 'Carlos', 'Martin', 'carlos.martin21@icloud.com', '7533987588', 'New', false, 'LinkedIn', '[]', 5, '{"referral_name": null, "desired_salary": 79600.5, "years_experience": 4, "work_authorization": "US Citizen", "willing_to_relocate": true}', '2026-07-18 11:00:43+00', '2026-07-18 11:00:43+00');
INSERT INTO public.applications VALUES ('fixture', '34', '2026-08-05 10:03:14+00', '{"id": "34", "city": null, "tags": [], "email": "barbara.silva12@yahoo.com", "phone": "348-204-2691", "state": null, "gender": "Female", "job_id": "3", "rating": 1, "source": "ZipRecruiter", "status": "New", "address": null, "archived": false, "address_2": null, "last_name": "Silva", "applied_at": "2026-08-04T21:57:50", "company_id": "1", "created_at": "2026-08-04T21:57:50", "first_name": "Barbara", "updated_at": "2026-08-05T03:03:14", "custom_fields": {"referral_name": null, "desired_salary": 146000.5, "years_experience": 0, "work_authorization": "US Citizen", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_10c88c33f01bc495f51507fba3a3ea98', 'Barbara', 'Silva', 'barbara.silva12@yahoo.com', '348-204-2691', 'New', false, 'ZipRecruiter', '[]', 1, '{"referral_name": null, "desired_salary": 146000.5, "years_experience": 0, "work_authorization": "US Citizen", "willing_to_relocate": null}', '2026-08-05 04:57:50+00', '2026-08-05 04:57:50+00');
INSERT INTO public.applications VALUES ('fixture', '35', '2026-09-03 03:36:37+00', '{"id": "35", "city": "Miami", "tags": [], "email": "PATRICIA.JONES25@MAIL.COM", "phone": "428-948-6208", "state": "FL", "gender": "Female", "job_id": "5", "rating": null, "source": "Referral", "status": "New", "address": "8990 Cedar St", "archived": false, "address_2": null, "last_name": "Jones", "applied_at": "2026-09-02T20:36:37", "company_id": "1", "created_at": "2026-09-02T20:36:37", "first_name": "Patricia", "updated_at": "2026-09-02T20:36:37", "custom_fields": {"referral_name": null, "desired_salary": 43800.5, "years_experience": 12, "work_authorization": "US Citizen", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '5', 'tc_d6d30989aea2a0fe9e9b45b0f5f91173', 'Patricia', 'Jones', 'PATRICIA.JONES25@MAIL.COM', '428-948-6208', 'New', false, 'Referral', '[]', NULL, '{"referral_name": null, "desired_salary": 43800.5, "years_experience": 12, "work_authorization": "US Citizen", "willing_to_relocate": null}', '2026-09-03 03:36:37+00', '2026-09-03 03:36:37+00');
INSERT INTO public.applications VALUES ('fixture', '36', '2026-10-04 04:38:11+00', '{"id": "36", "city": "Chicago", "tags": ["silver-medalist"], "email": "patricia.harris23@proton.me", "phone": "+1 453 602 8300", "state": "IL", "gender": "Female", "job_id": "5", "rating": 2, "source": "LinkedIn", "status": "Not Selected", "address": "9696 Elm Ln", "archived": false, "address_2": null, "last_name": "Harris", "applied_at": "2026-09-18T11:42:31", "company_id": "1", "created_at": "2026-09-18T11:42:31", "first_name": "Patricia", "updated_at": "2026-10-03T21:38:11", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '5', 'tc_777b26bf7cd0f14ea60893b3f1eb2285', 'Patricia', 'Harris', 'patricia.harris23@proton.me', '+1 453 602 8300', 'Not Selected', false, 'LinkedIn', '["silver-medalist"]', 2, '{"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": true}', '2026-09-18 18:42:31+00', '2026-09-18 18:42:31+00');
INSERT INTO public.applications VALUES ('fixture', '37', '2026-09-24 17:56:17+00', '{"id": "37", "city": "Denver", "tags": [], "email": "aisha.clark24@example.org", "phone": "1-678-371-8548 ext. 98", "state": "CO", "gender": "Non-binary", "job_id": "3", "rating": 1, "source": "Company Website", "status": "Not Selected", "address": "6918 River Ln", "archived": false, "address_2": null, "last_name": "Clark", "applied_at": "2026-09-24T10:56:17", "company_id": "1", "created_at": "2026-09-24T10:56:17", "first_name": "Aisha", "updated_at": "2026-09-24T10:56:17", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": true}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '3', 'tc_3a12b4c0faafceb067cea058c5ca425d', 'Aisha', 'Clark', 'aisha.clark24@example.org', '1-678-371-8548 ext. 98', 'Not Selected', false, 'Company Website', '[]', 1, '{"referral_name": null, "desired_salary": null, "years_experience": null, "work_authorization": "Other", "willing_to_relocate": true}', '2026-09-24 17:56:17+00', '2026-09-24 17:56:17+00');
INSERT INTO public.applications VALUES ('fixture', '38', '2026-10-18 05:27:33+00', '{"id": "38", "city": "Portland", "tags": [], "email": "siobhan.hernandez3@mail.com", "phone": "836-624-8079", "state": "OR", "gender": "Decline to state", "job_id": "4", "rating": null, "source": "ZipRecruiter", "status": "Not Selected", "address": "8545 Park Ave", "archived": false, "address_2": null, "last_name": "Hernandez", "applied_at": "2026-10-17T22:27:33", "company_id": "1", "created_at": "2026-10-17T22:27:33", "first_name": "Siobhán", "updated_at": "2026-10-17T22:27:33", "custom_fields": {"referral_name": null, "desired_salary": 81600.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '4', 'tc_d96a6624b106689b7ca721fc7d223058', 'Siobhán', 'Hernandez', 'siobhan.hernandez3@mail.com', '836-624-8079', 'Not Selected', false, 'ZipRecruiter', '[]', NULL, '{"referral_name": null, "desired_salary": 81600.5, "years_experience": null, "work_authorization": "US Citizen", "willing_to_relocate": false}', '2026-10-18 05:27:33+00', '2026-10-18 05:27:33+00');
INSERT INTO public.applications VALUES ('fixture', '39', '2026-11-13 06:49:52+00', '{"id": "39", "city": "Denver", "tags": ["priority"], "email": "sarah.jones4@mail.com", "phone": "622-823-3544", "state": "CO", "gender": null, "job_id": "5", "rating": 4, "source": "Glassdoor", "status": "New", "address": "7167 Park Blvd", "archived": false, "address_2": null, "last_name": "Jones", "applied_at": "2026-11-12T22:49:52", "company_id": "1", "created_at": "2026-11-12T22:49:52", "first_name": "Sarah", "updated_at": "2026-11-12T22:49:52", "custom_fields": {"referral_name": null, "desired_salary": null, "years_experience": 11, "work_authorization": "Other", "willing_to_relocate": null}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '5', 'tc_dc4777c101dd43282e992fd2736056e5', 'Sarah', 'Jones', 'sarah.jones4@mail.com', '622-823-3544', 'New', false, 'Glassdoor', '["priority"]', 4, '{"referral_name": null, "desired_salary": null, "years_experience": 11, "work_authorization": "Other", "willing_to_relocate": null}', '2026-11-13 06:49:52+00', '2026-11-13 06:49:52+00');
INSERT INTO public.applications VALUES ('fixture', '40', '2026-11-21 09:37:27+00', '{"id": "40", "city": "New York", "tags": [], "email": "thomas.johnson2@proton.me", "phone": "(472) 798-9240", "state": "NY", "gender": null, "job_id": "5", "rating": null, "source": "Referral", "status": "Not Selected", "address": "4801 Washington Way", "archived": true, "address_2": null, "last_name": "Johnson", "applied_at": "2026-11-21T01:37:27", "company_id": "1", "created_at": "2026-11-21T01:37:27", "first_name": "Thomas", "updated_at": "2026-11-21T01:37:27", "custom_fields": {"referral_name": "Linda Jones", "desired_salary": null, "years_experience": 24, "work_authorization": "Green Card", "willing_to_relocate": false}}', '2026-12-04 19:00:05.959106+00', '2026-12-04 19:00:05.959106+00', '28334881-d06a-43a2-8201-130166389c30', NULL, '5', 'tc_f98562e78f379274c272a12665a83a7d', 'Thomas', 'Johnson', 'thomas.johnson2@proton.me', '(472) 798-9240', 'Not Selected', true, 'Referral', '[]', NULL, '{"referral_name": "Linda Jones", "desired_salary": null, "years_experience": 24, "work_authorization": "Green Card", "willing_to_relocate": false}', '2026-11-21 09:37:27+00', '2026-11-21 09:37:27+00');


--
-- Data for Name: atskit_schema_versions; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.atskit_schema_versions VALUES (1, '2026-12-04 19:00:05.735352+00');
INSERT INTO public.atskit_schema_versions VALUES (2, '2026-12-04 19:00:05.735352+00');


--
-- Data for Name: candidates; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.candidates VALUES ('fixture', 'tc_0266db9344ec433142ee3cf280e4ab62', '2025-03-07 10:11:09+00', '{"id": "tc_0266db9344ec433142ee3cf280e4ab62", "email": "linda.brown15@outlook.com", "phone": "1-558-503-0561 ext. 31", "last_name": "Brown", "created_at": "2025-03-05T07:46:32Z", "first_name": "Linda", "updated_at": "2025-03-07T10:11:09Z", "application_ids": ["5"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Linda', 'Brown', 'linda.brown15@outlook.com', '1-558-503-0561 ext. 31', '["5"]', '2025-03-05 07:46:32+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_10c88c33f01bc495f51507fba3a3ea98', '2026-08-05 10:03:14+00', '{"id": "tc_10c88c33f01bc495f51507fba3a3ea98", "email": "barbara.silva12@yahoo.com", "phone": "348-204-2691", "last_name": "Silva", "created_at": "2026-05-19T11:32:13Z", "first_name": "Barbara", "updated_at": "2026-08-05T10:03:14Z", "application_ids": ["30", "34"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Barbara', 'Silva', 'barbara.silva12@yahoo.com', '348-204-2691', '["30", "34"]', '2026-05-19 11:32:13+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_17722986d9546ed48e674ec51cf59a53', '2026-03-04 11:29:59+00', '{"id": "tc_17722986d9546ed48e674ec51cf59a53", "email": " david.patel0@mail.com", "phone": "574-530-6888", "last_name": "Patel", "created_at": "2026-01-17T09:41:27Z", "first_name": "David", "updated_at": "2026-03-04T11:29:59Z", "application_ids": ["23", "25"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'David', 'Patel', ' david.patel0@mail.com', '574-530-6888', '["23", "25"]', '2026-01-17 09:41:27+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_257de8dbe585c289368aa829c20b8205', '2025-03-19 10:44:42+00', '{"id": "tc_257de8dbe585c289368aa829c20b8205", "email": "linda.jones13@icloud.com", "phone": "+1 911 325 7590", "last_name": "Jones", "created_at": "2025-03-18T23:06:29Z", "first_name": "Linda", "updated_at": "2025-03-19T10:44:42Z", "application_ids": ["6"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Linda', 'Jones', 'linda.jones13@icloud.com', '+1 911 325 7590', '["6"]', '2025-03-18 23:06:29+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_35864bde89b3bac37d0cbcf742e9e17c', '2026-04-02 13:10:20+00', '{"id": "tc_35864bde89b3bac37d0cbcf742e9e17c", "email": "patricia.smith5@gmail.com", "phone": "888.412.3791", "last_name": "Smith", "created_at": "2025-07-21T08:50:39Z", "first_name": "Patricia", "updated_at": "2026-04-02T13:10:20Z", "application_ids": ["13", "27"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Patricia', 'Smith', 'patricia.smith5@gmail.com', '888.412.3791', '["13", "27"]', '2025-07-21 08:50:39+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_3a12b4c0faafceb067cea058c5ca425d', '2026-09-24 17:56:17+00', '{"id": "tc_3a12b4c0faafceb067cea058c5ca425d", "email": "aisha.clark24@example.org", "phone": "1-678-371-8548 ext. 98", "last_name": "Clark", "created_at": "2025-08-21T04:25:30Z", "first_name": "Aisha", "updated_at": "2026-09-24T17:56:17Z", "application_ids": ["15", "37"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Aisha', 'Clark', 'aisha.clark24@example.org', '1-678-371-8548 ext. 98', '["15", "37"]', '2025-08-21 04:25:30+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_421c564ffb9e56dce5bdf6cdd09792e0', '2026-04-26 08:14:29+00', '{"id": "tc_421c564ffb9e56dce5bdf6cdd09792e0", "email": "noah.johnson22@hotmail.com", "phone": "+12242632460", "last_name": "Johnson", "created_at": "2026-04-25T13:54:16Z", "first_name": "Noah", "updated_at": "2026-04-26T08:14:29Z", "application_ids": ["28"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Noah', 'Johnson', 'noah.johnson22@hotmail.com', '+12242632460', '["28"]', '2026-04-25 13:54:16+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_5b5edae80f510637eeff12cba45ac154', '2025-07-04 06:52:16+00', '{"id": "tc_5b5edae80f510637eeff12cba45ac154", "email": "nancy.haddad8@example.org", "phone": "3369496223", "last_name": "Haddad", "created_at": "2025-07-03T09:45:30Z", "first_name": "Nancy", "updated_at": "2025-07-04T06:52:16Z", "application_ids": ["12"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Nancy', 'Haddad', 'nancy.haddad8@example.org', '3369496223', '["12"]', '2025-07-03 09:45:30+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_73f638f1f4f01eff49e8cbaaeda01b85', '2026-07-18 11:00:43+00', '{"id": "tc_73f638f1f4f01eff49e8cbaaeda01b85", "email": "carlos.martin21@icloud.com", "phone": "7533987588", "last_name": "Martin", "created_at": "2026-07-18T11:00:43Z", "first_name": "Carlos", "updated_at": "2026-07-18T11:00:43Z", "application_ids": ["33"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Carlos', 'Martin', 'carlos.martin21@icloud.com', '7533987588', '["33"]', '2026-07-18 11:00:43+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_777b26bf7cd0f14ea60893b3f1eb2285', '2026-10-04 04:38:11+00', '{"id": "tc_777b26bf7cd0f14ea60893b3f1eb2285", "email": "patricia.harris23@proton.me", "phone": "+1 453 602 8300", "last_name": "Harris", "created_at": "2025-03-30T13:21:57Z", "first_name": "Patricia", "updated_at": "2026-10-04T04:38:11Z", "application_ids": ["7", "10", "36"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Patricia', 'Harris', 'patricia.harris23@proton.me', '+1 453 602 8300', '["7", "10", "36"]', '2025-03-30 13:21:57+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_865cae5e6d7a08cc49f0b65d32892183', '2025-12-04 11:00:27+00', '{"id": "tc_865cae5e6d7a08cc49f0b65d32892183", "email": "lucas.miller19@yahoo.com", "phone": "952-536-6090", "last_name": "Miller", "created_at": "2025-10-23T23:01:17Z", "first_name": "Lucas", "updated_at": "2025-12-04T11:00:27Z", "application_ids": ["18", "20"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Lucas', 'Miller', 'lucas.miller19@yahoo.com', '952-536-6090', '["18", "20"]', '2025-10-23 23:01:17+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_87ef08bd4dbe913cfb80f5e5ac8f7b31', '2025-02-14 12:20:21+00', '{"id": "tc_87ef08bd4dbe913cfb80f5e5ac8f7b31", "email": "siobhan.smith26@mail.com", "phone": null, "last_name": "Smith", "created_at": "2025-02-14T12:20:21Z", "first_name": "Siobhán", "updated_at": "2025-02-14T12:20:21Z", "application_ids": ["4"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Siobhán', 'Smith', 'siobhan.smith26@mail.com', NULL, '["4"]', '2025-02-14 12:20:21+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_9777b5d90eab1bbb9a813558ec507724', '2026-01-31 17:59:20+00', '{"id": "tc_9777b5d90eab1bbb9a813558ec507724", "email": " karen.lewis27@gmail.com", "phone": "624-912-6182", "last_name": "Lewis", "created_at": "2024-12-06T10:03:25Z", "first_name": "Karen", "updated_at": "2026-01-31T17:59:20Z", "application_ids": ["1", "24"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Karen', 'Lewis', ' karen.lewis27@gmail.com', '624-912-6182', '["1", "24"]', '2024-12-06 10:03:25+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_97ca332fd3ea750b4afbe0db63c55ad7', '2025-05-28 00:00:33+00', '{"id": "tc_97ca332fd3ea750b4afbe0db63c55ad7", "email": "lucas.smithjones9@hotmail.com", "phone": "(650) 503-3678", "last_name": "Smith-Jones", "created_at": "2025-04-19T09:59:54Z", "first_name": "Lucas", "updated_at": "2025-05-28T00:00:33Z", "application_ids": ["8"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Lucas', 'Smith-Jones', 'lucas.smithjones9@hotmail.com', '(650) 503-3678', '["8"]', '2025-04-19 09:59:54+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_9cda2e28d99ddc8dbb4a7125e33895b3', '2025-12-23 11:01:12+00', '{"id": "tc_9cda2e28d99ddc8dbb4a7125e33895b3", "email": "mateo.anderson20@mail.com", "phone": null, "last_name": "Anderson", "created_at": "2025-12-23T11:01:12Z", "first_name": "Mateo", "updated_at": "2025-12-23T11:01:12Z", "application_ids": ["22"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Mateo', 'Anderson', 'mateo.anderson20@mail.com', NULL, '["22"]', '2025-12-23 11:01:12+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_a9e5905886fe67bef71f9235dece415c', '2025-12-18 04:32:25+00', '{"id": "tc_a9e5905886fe67bef71f9235dece415c", "email": "MIA.NGUYEN18@EXAMPLE.ORG", "phone": "(701) 645-4611", "last_name": "Nguyen", "created_at": "2025-01-20T01:50:17Z", "first_name": "Mia", "updated_at": "2025-12-18T04:32:25Z", "application_ids": ["3", "9", "11", "14", "21"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Mia', 'Nguyen', 'MIA.NGUYEN18@EXAMPLE.ORG', '(701) 645-4611', '["3", "9", "11", "14", "21"]', '2025-01-20 01:50:17+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_aa82dc6f7a79bfd0782f6cc4e378a322', '2026-05-11 05:12:25+00', '{"id": "tc_aa82dc6f7a79bfd0782f6cc4e378a322", "email": "patricia.wilson10@mail.com", "phone": "525.451.4973", "last_name": "Wilson", "created_at": "2026-05-11T05:12:25Z", "first_name": "Patricia", "updated_at": "2026-05-11T05:12:25Z", "application_ids": ["29"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Patricia', 'Wilson', 'patricia.wilson10@mail.com', '525.451.4973', '["29"]', '2026-05-11 05:12:25+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_babd275bba435ca5a222d69916f3ca51', '2025-10-04 20:30:43+00', '{"id": "tc_babd275bba435ca5a222d69916f3ca51", "email": "jose.obrien16@yahoo.com", "phone": "+1 670 297 1750", "last_name": "O''Brien", "created_at": "2025-10-04T20:30:43Z", "first_name": "José", "updated_at": "2025-10-04T20:30:43Z", "application_ids": ["17"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'José', 'O''Brien', 'jose.obrien16@yahoo.com', '+1 670 297 1750', '["17"]', '2025-10-04 20:30:43+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_cc71805003563c7c8e958fd5fe2378ca', '2024-12-31 15:18:49+00', '{"id": "tc_cc71805003563c7c8e958fd5fe2378ca", "email": "daniel.obrien14@proton.me", "phone": "(612) 837-8753", "last_name": "O''Brien", "created_at": "2024-12-31T15:18:49Z", "first_name": "Daniel", "updated_at": "2024-12-31T15:18:49Z", "application_ids": ["2"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Daniel', 'O''Brien', 'daniel.obrien14@proton.me', '(612) 837-8753', '["2"]', '2024-12-31 15:18:49+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_d6d30989aea2a0fe9e9b45b0f5f91173', '2026-09-03 03:36:37+00', '{"id": "tc_d6d30989aea2a0fe9e9b45b0f5f91173", "email": "PATRICIA.JONES25@MAIL.COM", "phone": "428-948-6208", "last_name": "Jones", "created_at": "2026-09-03T03:36:37Z", "first_name": "Patricia", "updated_at": "2026-09-03T03:36:37Z", "application_ids": ["35"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Patricia', 'Jones', 'PATRICIA.JONES25@MAIL.COM', '428-948-6208', '["35"]', '2026-09-03 03:36:37+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_d96a6624b106689b7ca721fc7d223058', '2026-10-18 05:27:33+00', '{"id": "tc_d96a6624b106689b7ca721fc7d223058", "email": "siobhan.hernandez3@mail.com", "phone": "836-624-8079", "last_name": "Hernandez", "created_at": "2025-11-11T21:32:45Z", "first_name": "Siobhán", "updated_at": "2026-10-18T05:27:33Z", "application_ids": ["19", "38"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Siobhán', 'Hernandez', 'siobhan.hernandez3@mail.com', '836-624-8079', '["19", "38"]', '2025-11-11 21:32:45+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_dc4777c101dd43282e992fd2736056e5', '2026-11-13 06:49:52+00', '{"id": "tc_dc4777c101dd43282e992fd2736056e5", "email": "sarah.jones4@mail.com", "phone": "622-823-3544", "last_name": "Jones", "created_at": "2025-09-10T13:54:01Z", "first_name": "Sarah", "updated_at": "2026-11-13T06:49:52Z", "application_ids": ["16", "31", "32", "39"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Sarah', 'Jones', 'sarah.jones4@mail.com', '622-823-3544', '["16", "31", "32", "39"]', '2025-09-10 13:54:01+00');
INSERT INTO public.candidates VALUES ('fixture', 'tc_f98562e78f379274c272a12665a83a7d', '2026-11-21 09:37:27+00', '{"id": "tc_f98562e78f379274c272a12665a83a7d", "email": "thomas.johnson2@proton.me", "phone": "(472) 798-9240", "last_name": "Johnson", "created_at": "2026-03-14T01:36:09Z", "first_name": "Thomas", "updated_at": "2026-11-21T09:37:27Z", "application_ids": ["26", "40"]}', '2026-12-04 19:00:06.009236+00', '2026-12-04 19:00:06.009236+00', '308c4bec-11e2-493f-beca-cd66c9de53a9', NULL, 'Thomas', 'Johnson', 'thomas.johnson2@proton.me', '(472) 798-9240', '["26", "40"]', '2026-03-14 01:36:09+00');


--
-- Data for Name: custom_field_schemas; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.custom_field_schemas VALUES ('fixture', 'application.years_experience', NULL, '{"required": false, "ui_hints": null, "field_name": "years_experience", "field_type": "integer", "ui_priority": null, "ui_readonly": null, "display_name": "Years of experience", "default_value": null, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'application', 'years_experience', 'Years of experience', 'integer', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'application.desired_salary', NULL, '{"required": false, "ui_hints": null, "field_name": "desired_salary", "field_type": "decimal", "ui_priority": null, "ui_readonly": null, "display_name": "Desired salary (USD)", "default_value": null, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'application', 'desired_salary', 'Desired salary (USD)', 'decimal', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'application.willing_to_relocate', NULL, '{"required": false, "ui_hints": null, "field_name": "willing_to_relocate", "field_type": "boolean", "ui_priority": null, "ui_readonly": null, "display_name": "Willing to relocate", "default_value": false, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'application', 'willing_to_relocate', 'Willing to relocate', 'boolean', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'application.referral_name', NULL, '{"required": false, "ui_hints": null, "field_name": "referral_name", "field_type": "string", "ui_priority": null, "ui_readonly": null, "display_name": "Referred by", "default_value": null, "ui_input_type": "text_field", "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'application', 'referral_name', 'Referred by', 'text', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'application.work_authorization', NULL, '{"required": false, "ui_hints": null, "field_name": "work_authorization", "field_type": "string", "ui_priority": null, "ui_readonly": null, "display_name": "Work authorization", "default_value": null, "ui_input_type": "select", "blacklist_values": null, "whitelist_values": ["US Citizen", "Green Card", "H-1B", "Other"], "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'application', 'work_authorization', 'Work authorization', 'single_select', false, '["US Citizen", "Green Card", "H-1B", "Other"]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'job.department', NULL, '{"required": true, "ui_hints": null, "field_name": "department", "field_type": "string", "ui_priority": null, "ui_readonly": null, "display_name": "Department", "default_value": null, "ui_input_type": "select", "blacklist_values": null, "whitelist_values": ["Engineering", "Sales", "Marketing", "Operations", "Support"], "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'job', 'department', 'Department', 'single_select', true, '["Engineering", "Sales", "Marketing", "Operations", "Support"]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'job.headcount', NULL, '{"required": false, "ui_hints": null, "field_name": "headcount", "field_type": "integer", "ui_priority": null, "ui_readonly": null, "display_name": "Headcount", "default_value": 1, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'job', 'headcount', 'Headcount', 'integer', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'job.salary_max', NULL, '{"required": false, "ui_hints": null, "field_name": "salary_max", "field_type": "decimal", "ui_priority": null, "ui_readonly": null, "display_name": "Salary ceiling (USD)", "default_value": null, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'job', 'salary_max', 'Salary ceiling (USD)', 'decimal', false, '[]');
INSERT INTO public.custom_field_schemas VALUES ('fixture', 'job.is_confidential', NULL, '{"required": false, "ui_hints": null, "field_name": "is_confidential", "field_type": "boolean", "ui_priority": null, "ui_readonly": null, "display_name": "Confidential search", "default_value": false, "ui_input_type": null, "blacklist_values": null, "whitelist_values": null, "ui_render_targets": null}', '2026-12-04 19:00:05.923469+00', '2026-12-04 19:00:05.923469+00', 'bc913983-ed9d-45be-b692-153cbb64576f', NULL, 'job', 'is_confidential', 'Confidential search', 'boolean', false, '[]');


--
-- Data for Name: derivation_queue; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: files; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.files VALUES ('fixture', '1', '2024-12-06 10:03:25+00', '{"id": "1", "kind": "resume", "size": 626, "app_id": "1", "filename": "Karen_Lewis_Resume.pdf", "created_at": "2024-12-06T02:03:25", "updated_at": "2024-12-06T02:03:25", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '1', 'Karen_Lewis_Resume.pdf', 'resume', 'application/pdf', 626, '2024-12-06 10:03:25+00');
INSERT INTO public.files VALUES ('fixture', '2', '2024-12-31 15:18:49+00', '{"id": "2", "kind": "resume", "size": 630, "app_id": "2", "filename": "Daniel_Obrien_Resume.pdf", "created_at": "2024-12-31T07:18:49", "updated_at": "2024-12-31T07:18:49", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '2', 'Daniel_Obrien_Resume.pdf', 'resume', 'application/pdf', 630, '2024-12-31 15:18:49+00');
INSERT INTO public.files VALUES ('fixture', '3', '2025-01-20 01:50:17+00', '{"id": "3", "kind": "resume", "size": 626, "app_id": "3", "filename": "Mia_Nguyen_Resume.pdf", "created_at": "2025-01-19T17:50:17", "updated_at": "2025-01-19T17:50:17", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '3', 'Mia_Nguyen_Resume.pdf', 'resume', 'application/pdf', 626, '2025-01-20 01:50:17+00');
INSERT INTO public.files VALUES ('fixture', '4', '2025-02-14 12:20:21+00', '{"id": "4", "kind": "resume", "size": 628, "app_id": "4", "filename": "Siobhan_Smith_Resume.pdf", "created_at": "2025-02-14T04:20:21", "updated_at": "2025-02-14T04:20:21", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '4', 'Siobhan_Smith_Resume.pdf', 'resume', 'application/pdf', 628, '2025-02-14 12:20:21+00');
INSERT INTO public.files VALUES ('fixture', '5', '2025-03-05 07:46:32+00', '{"id": "5", "kind": "resume", "size": 626, "app_id": "5", "filename": "Linda_Brown_Resume.pdf", "created_at": "2025-03-04T23:46:32", "updated_at": "2025-03-04T23:46:32", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '5', 'Linda_Brown_Resume.pdf', 'resume', 'application/pdf', 626, '2025-03-05 07:46:32+00');
INSERT INTO public.files VALUES ('fixture', '6', '2025-03-18 23:06:29+00', '{"id": "6", "kind": "resume", "size": 627, "app_id": "6", "filename": "Linda_Jones_Resume.pdf", "created_at": "2025-03-18T16:06:29", "updated_at": "2025-03-18T16:06:29", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '6', 'Linda_Jones_Resume.pdf', 'resume', 'application/pdf', 627, '2025-03-18 23:06:29+00');
INSERT INTO public.files VALUES ('fixture', '7', '2025-03-30 13:21:57+00', '{"id": "7", "kind": "resume", "size": 630, "app_id": "7", "filename": "Patricia_Harris_Resume.pdf", "created_at": "2025-03-30T06:21:57", "updated_at": "2025-03-30T06:21:57", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '7', 'Patricia_Harris_Resume.pdf', 'resume', 'application/pdf', 630, '2025-03-30 13:21:57+00');
INSERT INTO public.files VALUES ('fixture', '8', '2025-04-19 09:59:54+00', '{"id": "8", "kind": "resume", "size": 632, "app_id": "8", "filename": "Lucas_Smithjones_Resume.pdf", "created_at": "2025-04-19T02:59:54", "updated_at": "2025-04-19T02:59:54", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '8', 'Lucas_Smithjones_Resume.pdf', 'resume', 'application/pdf', 632, '2025-04-19 09:59:54+00');
INSERT INTO public.files VALUES ('fixture', '9', '2025-05-01 03:24:58+00', '{"id": "9", "kind": "resume", "size": 625, "app_id": "9", "filename": "Mia_Nguyen_Resume.pdf", "created_at": "2025-04-30T20:24:58", "updated_at": "2025-04-30T20:24:58", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '9', 'Mia_Nguyen_Resume.pdf', 'resume', 'application/pdf', 625, '2025-05-01 03:24:58+00');
INSERT INTO public.files VALUES ('fixture', '10', '2025-06-14 15:36:13+00', '{"id": "10", "kind": "resume", "size": 626, "app_id": "11", "filename": "Mia_Nguyen_Resume.pdf", "created_at": "2025-06-14T08:36:13", "updated_at": "2025-06-14T08:36:13", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '11', 'Mia_Nguyen_Resume.pdf', 'resume', 'application/pdf', 626, '2025-06-14 15:36:13+00');
INSERT INTO public.files VALUES ('fixture', '11', '2025-07-03 09:45:30+00', '{"id": "11", "kind": "resume", "size": 627, "app_id": "12", "filename": "Nancy_Haddad_Resume.pdf", "created_at": "2025-07-03T02:45:30", "updated_at": "2025-07-03T02:45:30", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '12', 'Nancy_Haddad_Resume.pdf', 'resume', 'application/pdf', 627, '2025-07-03 09:45:30+00');
INSERT INTO public.files VALUES ('fixture', '12', '2025-07-21 08:50:39+00', '{"id": "12", "kind": "attachment", "size": 608, "app_id": "13", "filename": "Patricia_Smith_Portfolio.pdf", "created_at": "2025-07-21T01:50:39", "updated_at": "2025-07-21T01:50:39", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '13', 'Patricia_Smith_Portfolio.pdf', 'attachment', 'application/pdf', 608, '2025-07-21 08:50:39+00');
INSERT INTO public.files VALUES ('fixture', '13', '2025-08-14 16:04:44+00', '{"id": "13", "kind": "resume", "size": 625, "app_id": "14", "filename": "Mia_Nguyen_Resume.pdf", "created_at": "2025-08-14T09:04:44", "updated_at": "2025-08-14T09:04:44", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '14', 'Mia_Nguyen_Resume.pdf', 'resume', 'application/pdf', 625, '2025-08-14 16:04:44+00');
INSERT INTO public.files VALUES ('fixture', '14', '2025-08-21 04:25:30+00', '{"id": "14", "kind": "resume", "size": 626, "app_id": "15", "filename": "Aisha_Clark_Resume.pdf", "created_at": "2025-08-20T21:25:30", "updated_at": "2025-08-20T21:25:30", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '15', 'Aisha_Clark_Resume.pdf', 'resume', 'application/pdf', 626, '2025-08-21 04:25:30+00');
INSERT INTO public.files VALUES ('fixture', '15', '2025-09-10 13:54:01+00', '{"id": "15", "kind": "resume", "size": 627, "app_id": "16", "filename": "Sarah_Jones_Resume.pdf", "created_at": "2025-09-10T06:54:01", "updated_at": "2025-09-10T06:54:01", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '16', 'Sarah_Jones_Resume.pdf', 'resume', 'application/pdf', 627, '2025-09-10 13:54:01+00');
INSERT INTO public.files VALUES ('fixture', '16', '2025-10-04 20:30:43+00', '{"id": "16", "kind": "resume", "size": 626, "app_id": "17", "filename": "Jose_Obrien_Resume.pdf", "created_at": "2025-10-04T13:30:43", "updated_at": "2025-10-04T13:30:43", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '17', 'Jose_Obrien_Resume.pdf', 'resume', 'application/pdf', 626, '2025-10-04 20:30:43+00');
INSERT INTO public.files VALUES ('fixture', '17', '2025-10-23 23:01:17+00', '{"id": "17", "kind": "attachment", "size": 606, "app_id": "18", "filename": "Lucas_Miller_Portfolio.pdf", "created_at": "2025-10-23T16:01:17", "updated_at": "2025-10-23T16:01:17", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '18', 'Lucas_Miller_Portfolio.pdf', 'attachment', 'application/pdf', 606, '2025-10-23 23:01:17+00');
INSERT INTO public.files VALUES ('fixture', '18', '2025-11-11 21:32:45+00', '{"id": "18", "kind": "resume", "size": 631, "app_id": "19", "filename": "Siobhan_Hernandez_Resume.pdf", "created_at": "2025-11-11T13:32:45", "updated_at": "2025-11-11T13:32:45", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '19', 'Siobhan_Hernandez_Resume.pdf', 'resume', 'application/pdf', 631, '2025-11-11 21:32:45+00');
INSERT INTO public.files VALUES ('fixture', '19', '2025-12-17 12:38:25+00', '{"id": "19", "kind": "resume", "size": 625, "app_id": "21", "filename": "Mia_Nguyen_Resume.pdf", "created_at": "2025-12-17T04:38:25", "updated_at": "2025-12-17T04:38:25", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '21', 'Mia_Nguyen_Resume.pdf', 'resume', 'application/pdf', 625, '2025-12-17 12:38:25+00');
INSERT INTO public.files VALUES ('fixture', '20', '2025-12-23 11:01:12+00', '{"id": "20", "kind": "resume", "size": 629, "app_id": "22", "filename": "Mateo_Anderson_Resume.pdf", "created_at": "2025-12-23T03:01:12", "updated_at": "2025-12-23T03:01:12", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '22', 'Mateo_Anderson_Resume.pdf', 'resume', 'application/pdf', 629, '2025-12-23 11:01:12+00');
INSERT INTO public.files VALUES ('fixture', '21', '2026-01-17 09:41:27+00', '{"id": "21", "kind": "resume", "size": 627, "app_id": "23", "filename": "David_Patel_Resume.pdf", "created_at": "2026-01-17T01:41:27", "updated_at": "2026-01-17T01:41:27", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '23', 'David_Patel_Resume.pdf', 'resume', 'application/pdf', 627, '2026-01-17 09:41:27+00');
INSERT INTO public.files VALUES ('fixture', '22', '2026-01-31 17:59:20+00', '{"id": "22", "kind": "resume", "size": 626, "app_id": "24", "filename": "Karen_Lewis_Resume.pdf", "created_at": "2026-01-31T09:59:20", "updated_at": "2026-01-31T09:59:20", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '24', 'Karen_Lewis_Resume.pdf', 'resume', 'application/pdf', 626, '2026-01-31 17:59:20+00');
INSERT INTO public.files VALUES ('fixture', '23', '2026-03-04 11:29:59+00', '{"id": "23", "kind": "resume", "size": 627, "app_id": "25", "filename": "David_Patel_Resume.pdf", "created_at": "2026-03-04T03:29:59", "updated_at": "2026-03-04T03:29:59", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '25', 'David_Patel_Resume.pdf', 'resume', 'application/pdf', 627, '2026-03-04 11:29:59+00');
INSERT INTO public.files VALUES ('fixture', '24', '2026-03-14 01:36:09+00', '{"id": "24", "kind": "resume", "size": 630, "app_id": "26", "filename": "Thomas_Johnson_Resume.pdf", "created_at": "2026-03-13T18:36:09", "updated_at": "2026-03-13T18:36:09", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '26', 'Thomas_Johnson_Resume.pdf', 'resume', 'application/pdf', 630, '2026-03-14 01:36:09+00');
INSERT INTO public.files VALUES ('fixture', '25', '2026-04-02 05:26:33+00', '{"id": "25", "kind": "resume", "size": 630, "app_id": "27", "filename": "Patricia_Smith_Resume.pdf", "created_at": "2026-04-01T22:26:33", "updated_at": "2026-04-01T22:26:33", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '27', 'Patricia_Smith_Resume.pdf', 'resume', 'application/pdf', 630, '2026-04-02 05:26:33+00');
INSERT INTO public.files VALUES ('fixture', '26', '2026-04-25 13:54:16+00', '{"id": "26", "kind": "resume", "size": 628, "app_id": "28", "filename": "Noah_Johnson_Resume.pdf", "created_at": "2026-04-25T06:54:16", "updated_at": "2026-04-25T06:54:16", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '28', 'Noah_Johnson_Resume.pdf', 'resume', 'application/pdf', 628, '2026-04-25 13:54:16+00');
INSERT INTO public.files VALUES ('fixture', '27', '2026-05-11 05:12:25+00', '{"id": "27", "kind": "resume", "size": 631, "app_id": "29", "filename": "Patricia_Wilson_Resume.pdf", "created_at": "2026-05-10T22:12:25", "updated_at": "2026-05-10T22:12:25", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '29', 'Patricia_Wilson_Resume.pdf', 'resume', 'application/pdf', 631, '2026-05-11 05:12:25+00');
INSERT INTO public.files VALUES ('fixture', '28', '2026-06-08 14:02:50+00', '{"id": "28", "kind": "resume", "size": 627, "app_id": "31", "filename": "Sarah_Jones_Resume.pdf", "created_at": "2026-06-08T07:02:50", "updated_at": "2026-06-08T07:02:50", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '31', 'Sarah_Jones_Resume.pdf', 'resume', 'application/pdf', 627, '2026-06-08 14:02:50+00');
INSERT INTO public.files VALUES ('fixture', '29', '2026-07-02 00:55:57+00', '{"id": "29", "kind": "resume", "size": 626, "app_id": "32", "filename": "Sarah_Jones_Resume.pdf", "created_at": "2026-07-01T17:55:57", "updated_at": "2026-07-01T17:55:57", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '32', 'Sarah_Jones_Resume.pdf', 'resume', 'application/pdf', 626, '2026-07-02 00:55:57+00');
INSERT INTO public.files VALUES ('fixture', '30', '2026-07-18 11:00:43+00', '{"id": "30", "kind": "resume", "size": 629, "app_id": "33", "filename": "Carlos_Martin_Resume.pdf", "created_at": "2026-07-18T04:00:43", "updated_at": "2026-07-18T04:00:43", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '33', 'Carlos_Martin_Resume.pdf', 'resume', 'application/pdf', 629, '2026-07-18 11:00:43+00');
INSERT INTO public.files VALUES ('fixture', '31', '2026-08-05 04:57:50+00', '{"id": "31", "kind": "resume", "size": 629, "app_id": "34", "filename": "Barbara_Silva_Resume.pdf", "created_at": "2026-08-04T21:57:50", "updated_at": "2026-08-04T21:57:50", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '34', 'Barbara_Silva_Resume.pdf', 'resume', 'application/pdf', 629, '2026-08-05 04:57:50+00');
INSERT INTO public.files VALUES ('fixture', '32', '2026-09-03 03:36:37+00', '{"id": "32", "kind": "resume", "size": 630, "app_id": "35", "filename": "Patricia_Jones_Resume.pdf", "created_at": "2026-09-02T20:36:37", "updated_at": "2026-09-02T20:36:37", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '35', 'Patricia_Jones_Resume.pdf', 'resume', 'application/pdf', 630, '2026-09-03 03:36:37+00');
INSERT INTO public.files VALUES ('fixture', '33', '2026-09-18 18:42:31+00', '{"id": "33", "kind": "resume", "size": 631, "app_id": "36", "filename": "Patricia_Harris_Resume.pdf", "created_at": "2026-09-18T11:42:31", "updated_at": "2026-09-18T11:42:31", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '36', 'Patricia_Harris_Resume.pdf', 'resume', 'application/pdf', 631, '2026-09-18 18:42:31+00');
INSERT INTO public.files VALUES ('fixture', '34', '2026-09-24 17:56:17+00', '{"id": "34", "kind": "resume", "size": 627, "app_id": "37", "filename": "Aisha_Clark_Resume.pdf", "created_at": "2026-09-24T10:56:17", "updated_at": "2026-09-24T10:56:17", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '37', 'Aisha_Clark_Resume.pdf', 'resume', 'application/pdf', 627, '2026-09-24 17:56:17+00');
INSERT INTO public.files VALUES ('fixture', '35', '2026-10-18 05:27:33+00', '{"id": "35", "kind": "attachment", "size": 610, "app_id": "38", "filename": "Siobhan_Hernandez_Portfolio.pdf", "created_at": "2026-10-17T22:27:33", "updated_at": "2026-10-17T22:27:33", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '38', 'Siobhan_Hernandez_Portfolio.pdf', 'attachment', 'application/pdf', 610, '2026-10-18 05:27:33+00');
INSERT INTO public.files VALUES ('fixture', '36', '2026-11-13 06:49:52+00', '{"id": "36", "kind": "resume", "size": 626, "app_id": "39", "filename": "Sarah_Jones_Resume.pdf", "created_at": "2026-11-12T22:49:52", "updated_at": "2026-11-12T22:49:52", "content_type": "application/pdf"}', '2026-12-04 19:00:05.937014+00', '2026-12-04 19:00:05.937014+00', 'efc02927-f5b9-405b-83c5-853d6b6d2914', NULL, '39', 'Sarah_Jones_Resume.pdf', 'resume', 'application/pdf', 626, '2026-11-13 06:49:52+00');


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.jobs VALUES ('fixture', '1', '2025-05-09 05:47:06+00', '{"id": "1", "url": "https://sandbox.applicant-tracking.com/jobs/1", "city": "Phoenix", "state": "AZ", "title": "Marketing Coordinator", "active": true, "hidden": false, "remote": false, "status": "Online", "company": "Sandbox Co.", "country": "US", "joblink": "https://sandbox.applicant-tracking.com/jobs/1/apply", "abstract": "Join our Product team as a Marketing Coordinator in Phoenix.", "archived": false, "category": "Product", "job_code": "SBX-0001", "posted_at": "2024-10-06T05:34:15", "created_at": "2024-10-05T12:00:00", "updated_at": "2025-05-08T22:47:06", "description": "<p>Join our Product team as a Marketing Coordinator in Phoenix.</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>", "custom_fields": {"headcount": 2, "department": "Engineering", "salary_max": null, "is_confidential": false}, "distribution_status": "none"}', '2026-12-04 19:00:05.927887+00', '2026-12-04 19:00:05.927887+00', '7150d365-d519-44b9-a306-45dfea5fb722', NULL, 'Marketing Coordinator', 'open', false, 'Product', 'SBX-0001', 'Phoenix', 'AZ', 'US', false, 'https://sandbox.applicant-tracking.com/jobs/1', '{"headcount": 2, "department": "Engineering", "salary_max": null, "is_confidential": false}', '2024-10-05 19:00:00+00');
INSERT INTO public.jobs VALUES ('fixture', '2', '2025-04-30 21:07:12+00', '{"id": "2", "url": "https://sandbox.applicant-tracking.com/jobs/2", "city": "Honolulu", "state": "HI", "title": "Product Manager", "active": true, "hidden": true, "remote": true, "status": "Online", "company": "Sandbox Co.", "country": "US", "joblink": "https://sandbox.applicant-tracking.com/jobs/2/apply", "abstract": "Join our Healthcare team as a Product Manager in a remote role.", "archived": false, "category": "Healthcare", "job_code": "SBX-0002", "posted_at": "2025-03-13T22:22:36", "created_at": "2025-03-11T21:36:00", "updated_at": "2025-04-30T14:07:12", "description": "<p>Join our Healthcare team as a Product Manager in a remote role.</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>", "custom_fields": {"headcount": 5, "department": "Engineering", "salary_max": 195600.0, "is_confidential": false}, "distribution_status": "distributed"}', '2026-12-04 19:00:05.927887+00', '2026-12-04 19:00:05.927887+00', '7150d365-d519-44b9-a306-45dfea5fb722', NULL, 'Product Manager', 'open', true, 'Healthcare', 'SBX-0002', 'Honolulu', 'HI', 'US', true, 'https://sandbox.applicant-tracking.com/jobs/2', '{"headcount": 5, "department": "Engineering", "salary_max": 195600, "is_confidential": false}', '2025-03-12 04:36:00+00');
INSERT INTO public.jobs VALUES ('fixture', '3', '2026-09-29 20:13:22+00', '{"id": "3", "url": "https://sandbox.applicant-tracking.com/jobs/3", "city": "Chicago", "state": "IL", "title": "Warehouse Associate", "active": false, "hidden": false, "remote": false, "status": "Offline", "company": "Sandbox Co.", "country": "US", "joblink": "https://sandbox.applicant-tracking.com/jobs/3/apply", "abstract": "Join our Product team as a Warehouse Associate in Chicago.", "archived": false, "category": "Product", "job_code": "SBX-0003", "posted_at": "2025-08-19T07:01:53", "created_at": "2025-08-16T07:12:00", "updated_at": "2026-09-29T13:13:22", "description": "<p>Join our Product team as a Warehouse Associate in Chicago.</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>", "custom_fields": {"headcount": 1, "department": "Sales", "salary_max": 168200.0, "is_confidential": false}, "distribution_status": "none"}', '2026-12-04 19:00:05.927887+00', '2026-12-04 19:00:05.927887+00', '7150d365-d519-44b9-a306-45dfea5fb722', NULL, 'Warehouse Associate', 'closed', false, 'Product', 'SBX-0003', 'Chicago', 'IL', 'US', false, 'https://sandbox.applicant-tracking.com/jobs/3', '{"headcount": 1, "department": "Sales", "salary_max": 168200, "is_confidential": false}', '2025-08-16 14:12:00+00');
INSERT INTO public.jobs VALUES ('fixture', '4', '2026-09-27 09:14:45+00', '{"id": "4", "url": "https://sandbox.applicant-tracking.com/jobs/4", "city": "Miami", "state": "FL", "title": "Electrician", "active": false, "hidden": false, "remote": true, "status": "Archived", "company": "Sandbox Co.", "country": "US", "joblink": "https://sandbox.applicant-tracking.com/jobs/4/apply", "abstract": "Join our Support team as a Electrician in a remote role.", "archived": true, "category": "Support", "job_code": "SBX-0004", "posted_at": "2026-01-21T13:04:44", "created_at": "2026-01-20T15:48:00", "updated_at": "2026-09-27T02:14:45", "description": "<p>Join our Support team as a Electrician in a remote role.</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>", "custom_fields": {"headcount": 5, "department": "Sales", "salary_max": null, "is_confidential": true}, "distribution_status": "none"}', '2026-12-04 19:00:05.927887+00', '2026-12-04 19:00:05.927887+00', '7150d365-d519-44b9-a306-45dfea5fb722', NULL, 'Electrician', 'archived', false, 'Support', 'SBX-0004', 'Miami', 'FL', 'US', true, 'https://sandbox.applicant-tracking.com/jobs/4', '{"headcount": 5, "department": "Sales", "salary_max": null, "is_confidential": true}', '2026-01-20 23:48:00+00');
INSERT INTO public.jobs VALUES ('fixture', '5', '2026-09-22 17:22:04+00', '{"id": "5", "url": "https://sandbox.applicant-tracking.com/jobs/5", "city": "Chicago", "state": "IL", "title": "Sales Development Rep", "active": true, "hidden": true, "remote": true, "status": "Online", "company": "Sandbox Co.", "country": "US", "joblink": "https://sandbox.applicant-tracking.com/jobs/5/apply", "abstract": "Join our Engineering team as a Sales Development Rep in a remote role.", "archived": false, "category": "Engineering", "job_code": "SBX-0005", "posted_at": "2026-06-29T20:00:59", "created_at": "2026-06-27T02:24:00", "updated_at": "2026-09-22T10:22:04", "description": "<p>Join our Engineering team as a Sales Development Rep in a remote role.</p><ul><li>Competitive pay &amp; benefits</li><li>Growth</li></ul>", "custom_fields": {"headcount": 5, "department": "Support", "salary_max": null, "is_confidential": true}, "distribution_status": "none"}', '2026-12-04 19:00:05.927887+00', '2026-12-04 19:00:05.927887+00', '7150d365-d519-44b9-a306-45dfea5fb722', NULL, 'Sales Development Rep', 'open', true, 'Engineering', 'SBX-0005', 'Chicago', 'IL', 'US', true, 'https://sandbox.applicant-tracking.com/jobs/5', '{"headcount": 5, "department": "Support", "salary_max": null, "is_confidential": true}', '2026-06-27 09:24:00+00');


--
-- Data for Name: notes; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.notes VALUES ('fixture', '1', '2024-12-16 20:02:13+00', '{"id": "1", "body": "Candidate withdrew: accepted another offer.", "app_id": "1", "author": "Sam Patel", "job_id": "1", "created_at": "2024-12-15T15:10:41", "updated_at": "2024-12-16T12:02:13"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '1', '1', 'Sam Patel', 'Candidate withdrew: accepted another offer.', '2024-12-15 23:10:41+00');
INSERT INTO public.notes VALUES ('fixture', '2', '2024-12-21 23:50:07+00', '{"id": "2", "body": "Sent follow-up e-mail with next steps.", "app_id": "1", "author": "Alex Morgan", "job_id": "1", "created_at": "2024-12-21T15:50:07", "updated_at": "2024-12-21T15:50:07"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '1', '1', 'Alex Morgan', 'Sent follow-up e-mail with next steps.', '2024-12-21 23:50:07+00');
INSERT INTO public.notes VALUES ('fixture', '3', '2025-02-25 07:26:43+00', '{"id": "3", "body": "Candidate asked about remote options.", "app_id": "4", "author": "Alex Morgan", "job_id": "1", "created_at": "2025-02-24T23:26:43", "updated_at": "2025-02-24T23:26:43"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '4', '1', 'Alex Morgan', 'Candidate asked about remote options.', '2025-02-25 07:26:43+00');
INSERT INTO public.notes VALUES ('fixture', '4', '2025-02-24 16:31:22+00', '{"id": "4", "body": "Rescheduled interview at candidate''s request.", "app_id": "4", "author": "Alex Morgan", "job_id": "1", "created_at": "2025-02-23T19:07:46", "updated_at": "2025-02-24T08:31:22"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '4', '1', 'Alex Morgan', 'Rescheduled interview at candidate''s request.', '2025-02-24 03:07:46+00');
INSERT INTO public.notes VALUES ('fixture', '5', '2025-04-24 13:55:07+00', '{"id": "5", "body": "Left a voicemail, will try again Thursday.", "app_id": "7", "author": "Alex Morgan", "job_id": "2", "created_at": "2025-04-24T06:55:07", "updated_at": "2025-04-24T06:55:07"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '7', '2', 'Alex Morgan', 'Left a voicemail, will try again Thursday.', '2025-04-24 13:55:07+00');
INSERT INTO public.notes VALUES ('fixture', '6', '2025-04-01 13:31:11+00', '{"id": "6", "body": "Phone screen went well; strong communication.", "app_id": "7", "author": "Riley Chen", "job_id": "2", "created_at": "2025-04-01T06:31:11", "updated_at": "2025-04-01T06:31:11"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '7', '2', 'Riley Chen', 'Phone screen went well; strong communication.', '2025-04-01 13:31:11+00');
INSERT INTO public.notes VALUES ('fixture', '7', '2025-07-04 00:00:10+00', '{"id": "7", "body": "Salary expectations above range — discuss with hiring manager.", "app_id": "11", "author": "Riley Chen", "job_id": "2", "created_at": "2025-07-03T17:00:10", "updated_at": "2025-07-03T17:00:10"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '11', '2', 'Riley Chen', 'Salary expectations above range — discuss with hiring manager.', '2025-07-04 00:00:10+00');
INSERT INTO public.notes VALUES ('fixture', '8', '2025-07-03 21:58:26+00', '{"id": "8", "body": "Sent follow-up e-mail with next steps.", "app_id": "11", "author": "Sam Patel", "job_id": "2", "created_at": "2025-07-03T07:18:49", "updated_at": "2025-07-03T14:58:26"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '11', '2', 'Sam Patel', 'Sent follow-up e-mail with next steps.', '2025-07-03 14:18:49+00');
INSERT INTO public.notes VALUES ('fixture', '9', '2025-08-21 05:04:51+00', '{"id": "9", "body": "Sent follow-up e-mail with next steps.", "app_id": "14", "author": "Sam Patel", "job_id": "2", "created_at": "2025-08-20T18:21:24", "updated_at": "2025-08-20T22:04:51"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '14', '2', 'Sam Patel', 'Sent follow-up e-mail with next steps.', '2025-08-21 01:21:24+00');
INSERT INTO public.notes VALUES ('fixture', '10', '2025-08-23 07:05:46+00', '{"id": "10", "body": "References checked: all positive.", "app_id": "14", "author": "Jordan Lee", "job_id": "2", "created_at": "2025-08-23T00:05:46", "updated_at": "2025-08-23T00:05:46"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '14', '2', 'Jordan Lee', 'References checked: all positive.', '2025-08-23 07:05:46+00');
INSERT INTO public.notes VALUES ('fixture', '11', '2025-11-02 13:55:03+00', '{"id": "11", "body": "Salary expectations above range — discuss with hiring manager.", "app_id": "17", "author": "Riley Chen", "job_id": "3", "created_at": "2025-11-02T05:55:03", "updated_at": "2025-11-02T05:55:03"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '17', '3', 'Riley Chen', 'Salary expectations above range — discuss with hiring manager.', '2025-11-02 13:55:03+00');
INSERT INTO public.notes VALUES ('fixture', '12', '2025-10-29 17:06:27+00', '{"id": "12", "body": "Candidate asked about remote options.", "app_id": "17", "author": "Alex Morgan", "job_id": "3", "created_at": "2025-10-29T10:06:27", "updated_at": "2025-10-29T10:06:27"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '17', '3', 'Alex Morgan', 'Candidate asked about remote options.', '2025-10-29 17:06:27+00');
INSERT INTO public.notes VALUES ('fixture', '13', '2026-01-15 15:37:30+00', '{"id": "13", "body": "References checked: all positive.", "app_id": "21", "author": "Riley Chen", "job_id": "3", "created_at": "2026-01-15T07:37:30", "updated_at": "2026-01-15T07:37:30"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '21', '3', 'Riley Chen', 'References checked: all positive.', '2026-01-15 15:37:30+00');
INSERT INTO public.notes VALUES ('fixture', '14', '2025-12-31 06:22:05+00', '{"id": "14", "body": "Not enough experience with the required stack.", "app_id": "21", "author": "Alex Morgan", "job_id": "3", "created_at": "2025-12-30T14:15:17", "updated_at": "2025-12-30T22:22:05"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '21', '3', 'Alex Morgan', 'Not enough experience with the required stack.', '2025-12-30 22:15:17+00');
INSERT INTO public.notes VALUES ('fixture', '15', '2026-02-05 20:07:43+00', '{"id": "15", "body": "Salary expectations above range — discuss with hiring manager.", "app_id": "24", "author": "Sam Patel", "job_id": "1", "created_at": "2026-02-05T03:44:47", "updated_at": "2026-02-05T12:07:43"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '24', '1', 'Sam Patel', 'Salary expectations above range — discuss with hiring manager.', '2026-02-05 11:44:47+00');
INSERT INTO public.notes VALUES ('fixture', '16', '2026-02-16 00:11:56+00', '{"id": "16", "body": "Great culture fit, recommend moving forward.", "app_id": "24", "author": "Sam Patel", "job_id": "1", "created_at": "2026-02-15T16:11:56", "updated_at": "2026-02-15T16:11:56"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '24', '1', 'Sam Patel', 'Great culture fit, recommend moving forward.', '2026-02-16 00:11:56+00');
INSERT INTO public.notes VALUES ('fixture', '17', '2026-05-01 04:44:22+00', '{"id": "17", "body": "Candidate asked about remote options.", "app_id": "27", "author": "Alex Morgan", "job_id": "3", "created_at": "2026-04-30T21:44:22", "updated_at": "2026-04-30T21:44:22"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '27', '3', 'Alex Morgan', 'Candidate asked about remote options.', '2026-05-01 04:44:22+00');
INSERT INTO public.notes VALUES ('fixture', '18', '2026-04-13 03:13:04+00', '{"id": "18", "body": "Phone screen went well; strong communication.", "app_id": "27", "author": "Alex Morgan", "job_id": "3", "created_at": "2026-04-12T20:13:04", "updated_at": "2026-04-12T20:13:04"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '27', '3', 'Alex Morgan', 'Phone screen went well; strong communication.', '2026-04-13 03:13:04+00');
INSERT INTO public.notes VALUES ('fixture', '19', '2026-06-13 20:01:25+00', '{"id": "19", "body": "Salary expectations above range — discuss with hiring manager.", "app_id": "31", "author": "Alex Morgan", "job_id": "3", "created_at": "2026-06-13T13:01:25", "updated_at": "2026-06-13T13:01:25"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '31', '3', 'Alex Morgan', 'Salary expectations above range — discuss with hiring manager.', '2026-06-13 20:01:25+00');
INSERT INTO public.notes VALUES ('fixture', '20', '2026-06-21 23:21:19+00', '{"id": "20", "body": "Salary expectations above range — discuss with hiring manager.", "app_id": "31", "author": "Alex Morgan", "job_id": "3", "created_at": "2026-06-21T16:21:19", "updated_at": "2026-06-21T16:21:19"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '31', '3', 'Alex Morgan', 'Salary expectations above range — discuss with hiring manager.', '2026-06-21 23:21:19+00');
INSERT INTO public.notes VALUES ('fixture', '21', '2026-08-10 21:16:26+00', '{"id": "21", "body": "Candidate asked about remote options.", "app_id": "34", "author": "Riley Chen", "job_id": "3", "created_at": "2026-08-10T14:16:26", "updated_at": "2026-08-10T14:16:26"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '34', '3', 'Riley Chen', 'Candidate asked about remote options.', '2026-08-10 21:16:26+00');
INSERT INTO public.notes VALUES ('fixture', '22', '2026-08-20 16:22:41+00', '{"id": "22", "body": "References checked: all positive.", "app_id": "34", "author": "Sam Patel", "job_id": "3", "created_at": "2026-08-20T09:22:41", "updated_at": "2026-08-20T09:22:41"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '34', '3', 'Sam Patel', 'References checked: all positive.', '2026-08-20 16:22:41+00');
INSERT INTO public.notes VALUES ('fixture', '23', '2026-10-15 05:54:12+00', '{"id": "23", "body": "Not enough experience with the required stack.", "app_id": "37", "author": "Alex Morgan", "job_id": "3", "created_at": "2026-10-14T22:54:12", "updated_at": "2026-10-14T22:54:12"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '37', '3', 'Alex Morgan', 'Not enough experience with the required stack.', '2026-10-15 05:54:12+00');
INSERT INTO public.notes VALUES ('fixture', '24', '2026-10-06 04:46:46+00', '{"id": "24", "body": "Candidate asked about remote options.", "app_id": "37", "author": "Jordan Lee", "job_id": "3", "created_at": "2026-10-05T21:46:46", "updated_at": "2026-10-05T21:46:46"}', '2026-12-04 19:00:05.936126+00', '2026-12-04 19:00:05.936126+00', 'c557598d-b0d9-487b-a346-185c5f640488', NULL, '37', '3', 'Jordan Lee', 'Candidate asked about remote options.', '2026-10-06 04:46:46+00');


--
-- Data for Name: stage_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.stage_history VALUES (1, 'fixture', 'applications', '1', NULL, 'Screening', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (2, 'fixture', 'applications', '2', NULL, 'Offer', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (3, 'fixture', 'applications', '3', NULL, 'Screening', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (4, 'fixture', 'applications', '4', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (5, 'fixture', 'applications', '5', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (6, 'fixture', 'applications', '6', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (7, 'fixture', 'applications', '7', NULL, 'Screening', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (8, 'fixture', 'applications', '8', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (9, 'fixture', 'applications', '9', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (10, 'fixture', 'applications', '10', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (11, 'fixture', 'applications', '11', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (12, 'fixture', 'applications', '12', NULL, 'Interview', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (13, 'fixture', 'applications', '13', NULL, 'Interview', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (14, 'fixture', 'applications', '14', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (15, 'fixture', 'applications', '15', NULL, 'Hired', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (16, 'fixture', 'applications', '16', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (17, 'fixture', 'applications', '17', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (18, 'fixture', 'applications', '18', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (19, 'fixture', 'applications', '19', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (20, 'fixture', 'applications', '20', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (21, 'fixture', 'applications', '21', NULL, 'Offer', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (22, 'fixture', 'applications', '22', NULL, 'Phone Interview', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (23, 'fixture', 'applications', '23', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (24, 'fixture', 'applications', '24', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (25, 'fixture', 'applications', '25', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (26, 'fixture', 'applications', '26', NULL, 'Offer', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (27, 'fixture', 'applications', '27', NULL, 'Screening', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (28, 'fixture', 'applications', '28', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (29, 'fixture', 'applications', '29', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (30, 'fixture', 'applications', '30', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (31, 'fixture', 'applications', '31', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (32, 'fixture', 'applications', '32', NULL, 'Screening', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (33, 'fixture', 'applications', '33', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (34, 'fixture', 'applications', '34', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (35, 'fixture', 'applications', '35', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (36, 'fixture', 'applications', '36', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (37, 'fixture', 'applications', '37', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (38, 'fixture', 'applications', '38', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (39, 'fixture', 'applications', '39', NULL, 'New', '2026-12-04 19:00:05.959106+00');
INSERT INTO public.stage_history VALUES (40, 'fixture', 'applications', '40', NULL, 'Not Selected', '2026-12-04 19:00:05.959106+00');


--
-- Data for Name: sync_state; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sync_state VALUES ('fixture', 'files', '2026-12-04 18:59:04.934435+00', '2026-12-04 18:59:04.934435+00', NULL, '2026-12-04 19:00:05.964771+00');
INSERT INTO public.sync_state VALUES ('fixture', 'custom_field_schemas', '2026-12-04 18:59:04.93772+00', '2026-12-04 18:59:04.93772+00', NULL, '2026-12-04 19:00:05.961316+00');
INSERT INTO public.sync_state VALUES ('fixture', 'jobs', '2026-12-04 18:59:04.933224+00', '2026-12-04 18:59:04.933224+00', NULL, '2026-12-04 19:00:05.966245+00');
INSERT INTO public.sync_state VALUES ('fixture', 'notes', '2026-12-04 18:59:04.933349+00', '2026-12-04 18:59:04.933349+00', NULL, '2026-12-04 19:00:05.96609+00');
INSERT INTO public.sync_state VALUES ('fixture', 'applications', '2026-12-04 18:59:04.917204+00', '2026-12-04 18:59:04.917204+00', NULL, '2026-12-04 19:00:05.988392+00');


--
-- Name: stage_history_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.stage_history_seq_seq', 40, true);


--
-- Name: applications applications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.applications
    ADD CONSTRAINT applications_pkey PRIMARY KEY (account, id);


--
-- Name: atskit_schema_versions atskit_schema_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.atskit_schema_versions
    ADD CONSTRAINT atskit_schema_versions_pkey PRIMARY KEY (version);


--
-- Name: candidates candidates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT candidates_pkey PRIMARY KEY (account, id);


--
-- Name: custom_field_schemas custom_field_schemas_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.custom_field_schemas
    ADD CONSTRAINT custom_field_schemas_pkey PRIMARY KEY (account, id);


--
-- Name: derivation_queue derivation_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.derivation_queue
    ADD CONSTRAINT derivation_queue_pkey PRIMARY KEY (account, stream, group_key);


--
-- Name: files files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.files
    ADD CONSTRAINT files_pkey PRIMARY KEY (account, id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (account, id);


--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (account, id);


--
-- Name: stage_history stage_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stage_history
    ADD CONSTRAINT stage_history_pkey PRIMARY KEY (seq);


--
-- Name: sync_state sync_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sync_state
    ADD CONSTRAINT sync_state_pkey PRIMARY KEY (account, stream);


--
-- Name: applications_candidate_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_candidate_id ON public.applications USING btree (account, candidate_id);


--
-- Name: applications_job_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_job_id ON public.applications USING btree (account, job_id);


--
-- Name: applications_stage; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_stage ON public.applications USING btree (account, stage);


--
-- Name: applications_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX applications_updated_at ON public.applications USING btree (account, updated_at);


--
-- Name: candidates_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_email ON public.candidates USING btree (account, email);


--
-- Name: candidates_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX candidates_updated_at ON public.candidates USING btree (account, updated_at);


--
-- Name: custom_field_schemas_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX custom_field_schemas_updated_at ON public.custom_field_schemas USING btree (account, updated_at);


--
-- Name: files_application_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX files_application_id ON public.files USING btree (account, application_id);


--
-- Name: files_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX files_updated_at ON public.files USING btree (account, updated_at);


--
-- Name: jobs_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_status ON public.jobs USING btree (account, status);


--
-- Name: jobs_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX jobs_updated_at ON public.jobs USING btree (account, updated_at);


--
-- Name: notes_application_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notes_application_id ON public.notes USING btree (account, application_id);


--
-- Name: notes_updated_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notes_updated_at ON public.notes USING btree (account, updated_at);


--
-- Name: stage_history_record; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stage_history_record ON public.stage_history USING btree (account, stream, id);


--
-- PostgreSQL database dump complete
--

\unrestrict BjRljTMt1eKFcGrhjQc0A1XJKUJWhmm82d6mtMWVViTeYc6A4bvVJZkF7tS7Gw8

