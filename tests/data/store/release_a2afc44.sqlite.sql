BEGIN TRANSACTION;
CREATE TABLE api_keys (
	id INTEGER NOT NULL, 
	name VARCHAR(80) NOT NULL, 
	key_sha256 VARCHAR(64) NOT NULL, 
	prefix VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	last_used_at DATETIME, 
	revoked_at DATETIME, 
	PRIMARY KEY (id)
);
CREATE TABLE audit_events (
	id INTEGER NOT NULL, 
	case_kind VARCHAR(16) NOT NULL, 
	case_id VARCHAR(64) NOT NULL, 
	actor VARCHAR(64) NOT NULL, 
	action VARCHAR(64) NOT NULL, 
	detail JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "audit_events" VALUES(1,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','buyer','claim_opened','{"order_no": "PP-261020", "reason": "damaged"}','2026-12-02 13:54:56.803020');
INSERT INTO "audit_events" VALUES(2,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','buyer','evidence_added','{"accepted": ["53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a"], "rejected": []}','2026-12-02 13:54:57.027165');
INSERT INTO "audit_events" VALUES(3,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','vision-model','evidence_analysed','{"status": "unanalysed", "model": null, "prompt_version": null, "attempts": 0}','2026-12-02 13:54:57.137960');
INSERT INTO "audit_events" VALUES(4,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','policy-engine','sent_to_review','{"outcome": "escalate", "amount": "0.00", "language": "pt"}','2026-12-02 13:54:57.288563');
INSERT INTO "audit_events" VALUES(5,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','merchant','merchant_edit','{"outcome": "partial_refund_no_return", "amount": "40.00", "note": "goodwill", "status": "resolved"}','2026-12-02 13:54:58.111757');
INSERT INTO "audit_events" VALUES(6,'conversation','16a328545814410c803e25d7ef996035','buyer-chat','handoff','{"reason": "low_confidence", "demo": true}','2026-11-16 21:22:00.000000');
INSERT INTO "audit_events" VALUES(7,'conversation','6a7231820cb64d0d9a51c49b9ce96e0b','buyer-chat','handoff','{"reason": "low_confidence", "demo": true}','2026-11-19 20:32:00.000000');
INSERT INTO "audit_events" VALUES(8,'chargeback','DEMO-CB-001','demo','rebuttal_generated','{"demo": true}','2026-11-15 12:50:00.000000');
INSERT INTO "audit_events" VALUES(9,'chargeback','DEMO-CB-002','demo','rebuttal_generated','{"demo": true}','2026-11-15 13:01:00.000000');
INSERT INTO "audit_events" VALUES(10,'chargeback','DEMO-CB-003','demo','rebuttal_generated','{"demo": true}','2026-11-16 12:14:00.000000');
INSERT INTO "audit_events" VALUES(11,'chargeback','DEMO-CB-004','demo','rebuttal_generated','{"demo": true}','2026-11-15 12:29:00.000000');
INSERT INTO "audit_events" VALUES(12,'chargeback','DEMO-CB-005','demo','rebuttal_generated','{"demo": true}','2026-11-17 12:13:00.000000');
INSERT INTO "audit_events" VALUES(13,'chargeback','DEMO-CB-006','demo','rebuttal_generated','{"demo": true}','2026-11-16 12:35:00.000000');
CREATE TABLE chargeback_cases (
	case_id VARCHAR(64) NOT NULL, 
	network VARCHAR(16) NOT NULL, 
	reason_code VARCHAR(32) NOT NULL, 
	reason_known BOOLEAN NOT NULL, 
	category VARCHAR(24) NOT NULL, 
	amount VARCHAR(32) NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	dispute_date DATE NOT NULL, 
	respond_by DATE, 
	order_no VARCHAR(64) NOT NULL, 
	claim_text TEXT NOT NULL, 
	acquirer VARCHAR(120) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (case_id)
);
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-001','visa','13.1',1,'consumer_dispute','299.00','USD','2026-11-15','2026-12-05','DEMO-ORD-0047','[demo] seeded demo chargeback','Demo acquirer','won','2026-11-15 12:00:00.000000','2026-11-15 12:00:00.000000');
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-002','visa','10.4',1,'fraud','164.00','USD','2026-11-15','2026-12-05','DEMO-ORD-0025','[demo] seeded demo chargeback','Demo acquirer','lost','2026-11-15 12:00:00.000000','2026-11-15 12:00:00.000000');
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-003','mastercard','4853',1,'consumer_dispute','299.00','USD','2026-11-16','2026-12-06','DEMO-ORD-0009','[demo] seeded demo chargeback','Demo acquirer','won','2026-11-16 12:00:00.000000','2026-11-16 12:00:00.000000');
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-004','visa','13.1',1,'consumer_dispute','264.00','USD','2026-11-15','2026-12-05','DEMO-ORD-0029','[demo] seeded demo chargeback','Demo acquirer','won','2026-11-15 12:00:00.000000','2026-11-15 12:00:00.000000');
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-005','visa','10.4',1,'fraud','299.00','USD','2026-11-17','2026-12-07','DEMO-ORD-0030','[demo] seeded demo chargeback','Demo acquirer','accepted','2026-11-17 12:00:00.000000','2026-11-17 12:00:00.000000');
INSERT INTO "chargeback_cases" VALUES('DEMO-CB-006','mastercard','4853',1,'consumer_dispute','189.00','USD','2026-11-16','2026-12-06','DEMO-ORD-0013','[demo] seeded demo chargeback','Demo acquirer','lost','2026-11-16 12:00:00.000000','2026-11-16 12:00:00.000000');
CREATE TABLE chargeback_exhibits (
	id INTEGER NOT NULL, 
	case_id VARCHAR(64) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	mime VARCHAR(64) NOT NULL, 
	caption VARCHAR(300) NOT NULL, 
	evidence_key VARCHAR(48), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES chargeback_cases (case_id) ON DELETE CASCADE
);
CREATE TABLE conversations (
	id VARCHAR(32) NOT NULL, 
	session_token VARCHAR(128) NOT NULL, 
	buyer_email VARCHAR(320), 
	verified_order_no VARCHAR(64), 
	language VARCHAR(8) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	handoff_reason VARCHAR(64), 
	low_confidence_streak INTEGER NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "conversations" VALUES('868907b3377d4b3085c14de19fed7a3f','demo-activity-0001',NULL,NULL,'pt','closed',NULL,0,'2026-11-15 17:54:00.000000','2026-11-15 17:54:00.000000');
INSERT INTO "conversations" VALUES('8af9707eba0a478185339cd534f7f606','demo-activity-0002',NULL,NULL,'en','closed',NULL,0,'2026-11-15 02:34:00.000000','2026-11-15 02:34:00.000000');
INSERT INTO "conversations" VALUES('e8d57d2baa85430ea3142ad72e13ca76','demo-activity-0003','demo-buyer-0016@example.invalid','DEMO-ORD-0016','en','closed',NULL,0,'2026-11-15 02:03:00.000000','2026-11-15 02:03:00.000000');
INSERT INTO "conversations" VALUES('71370d39f04a43e2b3a3136fdb448534','demo-activity-0004',NULL,NULL,'es','closed',NULL,0,'2026-11-15 15:00:00.000000','2026-11-15 15:00:00.000000');
INSERT INTO "conversations" VALUES('1f9cad0991a24357aeee543d9d6d63b2','demo-activity-0005','demo-buyer-0037@example.invalid','DEMO-ORD-0037','ko','closed',NULL,0,'2026-11-15 07:32:00.000000','2026-11-15 07:32:00.000000');
INSERT INTO "conversations" VALUES('f6dbe8647da14c4995ce7a149f3b1d56','demo-activity-0006','demo-buyer-0004@example.invalid','DEMO-ORD-0004','en','closed',NULL,0,'2026-11-15 02:01:00.000000','2026-11-15 02:01:00.000000');
INSERT INTO "conversations" VALUES('16a328545814410c803e25d7ef996035','demo-activity-0007','demo-buyer-0022@example.invalid','DEMO-ORD-0022','ja','closed',NULL,0,'2026-11-16 21:17:00.000000','2026-11-16 21:17:00.000000');
INSERT INTO "conversations" VALUES('22e301f15db94a25941d1550990f4993','demo-activity-0008','demo-buyer-0036@example.invalid','DEMO-ORD-0036','pt','closed',NULL,0,'2026-11-16 01:29:00.000000','2026-11-16 01:29:00.000000');
INSERT INTO "conversations" VALUES('d85effc427df427f83a536904b12379b','demo-activity-0009','demo-buyer-0027@example.invalid','DEMO-ORD-0027','pl','closed',NULL,0,'2026-11-16 04:26:00.000000','2026-11-16 04:26:00.000000');
INSERT INTO "conversations" VALUES('c6daca2d7ba34b579d0fa25900a16e33','demo-activity-0010','demo-buyer-0026@example.invalid','DEMO-ORD-0026','en','closed',NULL,0,'2026-11-16 18:19:00.000000','2026-11-16 18:19:00.000000');
INSERT INTO "conversations" VALUES('3635d3b82a1744d09a14d2befe8ec396','demo-activity-0011','demo-buyer-0038@example.invalid','DEMO-ORD-0038','es','closed',NULL,0,'2026-11-17 12:04:00.000000','2026-11-17 12:04:00.000000');
INSERT INTO "conversations" VALUES('3137ba1bae6f4b6f81ef64b16f241d92','demo-activity-0012','demo-buyer-0010@example.invalid','DEMO-ORD-0010','pl','closed',NULL,0,'2026-11-17 18:08:00.000000','2026-11-17 18:08:00.000000');
INSERT INTO "conversations" VALUES('858fe92a880847b1aa35e41be4df55ed','demo-activity-0013',NULL,NULL,'fr','closed',NULL,0,'2026-11-17 20:35:00.000000','2026-11-17 20:35:00.000000');
INSERT INTO "conversations" VALUES('3e9fcffd6bb44b4cb835205677f7d371','demo-activity-0014',NULL,NULL,'pl','closed',NULL,0,'2026-11-17 07:47:00.000000','2026-11-17 07:47:00.000000');
INSERT INTO "conversations" VALUES('dd4c8f090fa54a84a9177f88e443cd4a','demo-activity-0015',NULL,NULL,'es','closed',NULL,0,'2026-11-17 20:54:00.000000','2026-11-17 20:54:00.000000');
INSERT INTO "conversations" VALUES('c7746930350b46d2b9b836c6a4a20a71','demo-activity-0016',NULL,NULL,'de','closed',NULL,0,'2026-11-18 01:02:00.000000','2026-11-18 01:02:00.000000');
INSERT INTO "conversations" VALUES('e96ff08580dd44b5a17a9d0571591b0b','demo-activity-0017',NULL,NULL,'en','closed',NULL,0,'2026-11-18 18:08:00.000000','2026-11-18 18:08:00.000000');
INSERT INTO "conversations" VALUES('d0e6c6808f374e32a11afc2305304e1b','demo-activity-0018',NULL,NULL,'ko','closed',NULL,0,'2026-11-18 15:04:00.000000','2026-11-18 15:04:00.000000');
INSERT INTO "conversations" VALUES('9ff0eeaa9a9340eaaf0887d4f73ae4ad','demo-activity-0019',NULL,NULL,'de','closed',NULL,0,'2026-11-18 01:57:00.000000','2026-11-18 01:57:00.000000');
INSERT INTO "conversations" VALUES('05a1c421364844f0ae03ec7c894505ba','demo-activity-0020',NULL,NULL,'pt','closed',NULL,0,'2026-11-19 00:55:00.000000','2026-11-19 00:55:00.000000');
INSERT INTO "conversations" VALUES('e25abf2593de4d9fb267c5a653e81971','demo-activity-0021',NULL,NULL,'pl','closed',NULL,0,'2026-11-19 08:56:00.000000','2026-11-19 08:56:00.000000');
INSERT INTO "conversations" VALUES('8c2ecd0215f445059c15987a810aa2bf','demo-activity-0022',NULL,NULL,'es','closed',NULL,0,'2026-11-19 09:38:00.000000','2026-11-19 09:38:00.000000');
INSERT INTO "conversations" VALUES('95692214e0ac4f0a82b1119fd6f460c0','demo-activity-0023',NULL,NULL,'en','closed',NULL,0,'2026-11-19 15:16:00.000000','2026-11-19 15:16:00.000000');
INSERT INTO "conversations" VALUES('68f679c08b52426491ef72771d821dcf','demo-activity-0024',NULL,NULL,'pt','closed',NULL,0,'2026-11-19 10:42:00.000000','2026-11-19 10:42:00.000000');
INSERT INTO "conversations" VALUES('6a7231820cb64d0d9a51c49b9ce96e0b','demo-activity-0025',NULL,NULL,'fr','closed',NULL,0,'2026-11-19 20:27:00.000000','2026-11-19 20:27:00.000000');
CREATE TABLE decisions (
	id INTEGER NOT NULL, 
	case_kind VARCHAR(16) NOT NULL, 
	case_id VARCHAR(64) NOT NULL, 
	outcome VARCHAR(48) NOT NULL, 
	amount VARCHAR(32), 
	currency VARCHAR(3), 
	rules_fired JSON NOT NULL, 
	inputs JSON NOT NULL, 
	policy_version VARCHAR(64), 
	decided_by VARCHAR(64) NOT NULL, 
	note TEXT, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "decisions" VALUES(1,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','escalate','0.00','USD','[{"code": "manual_review_finding", "description": "Evidence not analysed automatically (unanalysed): a person must look.", "clause": ""}]','{"claim": {"reason": "damaged", "claimed_at": "2026-11-16T12:00:00Z", "currency": "USD", "item_value": "169.00", "shipping_paid": "18.00", "total_paid": "187.00", "country_code": "BR", "order_status": "delivered", "delivered_at": "2026-11-14T16:25:00Z", "return_cost": "60.00", "prior_claims": 0, "open_claims_on_order": 0, "refunded_claims_on_order": 0, "already_refunded": "0", "finding": {"status": "unanalysed", "issue_visible": "unclear", "damage_type": null, "damage_cause": "unknown", "severity": "none", "product_matches": "unclear", "packaging_damage": "unclear", "text_read": [], "order_no_match": "not_visible", "tracking_no_match": "not_visible", "reused_photo": false, "reused_detail": null, "summary": "", "note": "Unanalysed \u2014 vision model not configured \u2014 manual review.", "model": null, "prompt_version": null}, "lines": [{"title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "category": "monitor"}], "opened": null, "outbound_cost": "18.00"}, "policy": {"version": "2026-09-01", "currency": "USD", "return_window_days": 30, "damage_report_days": 7, "refund_business_days": 5, "returnless_threshold_pct": "40", "refund_pct_by_severity": {"none": "0", "minor": "20", "moderate": "50", "severe": "100"}, "refund_shipping_on_fault": true, "deduct_return_cost_on_change_of_mind": true, "change_of_mind_returnless_pct": "50", "non_returnable_when_opened": ["screen protector", "cleaning kit"], "ineligible_damage_causes": ["drop", "liquid", "misuse"], "refused_parcel_deduct_outbound": true, "refused_parcel_deduct_return": true, "max_auto_offer": "150", "counter_max_extra_pct": "10", "always_escalate": ["reused_photo", "product_mismatch", "label_mismatch", "unclear_evidence", "not_received_but_delivered"], "repeat_claim_limit": 2, "repeat_claim_window_days": 365, "rounding": "half_up", "clauses": {"return_window": "Return window", "change_of_mind": "Change-of-mind returns", "fault": "Damaged, defective or wrong items", "returnless": "Partial refund without return", "refunds": "Refunds", "non_returnable": "Non-returnable items", "refused_parcels": "Duties and refused parcels", "warranty": "Warranty policy"}}, "suggested_outcome": null, "percent": "0.00"}','2026-09-01','policy-engine',NULL,'2026-12-02 13:54:57.273844');
INSERT INTO "decisions" VALUES(2,'refund','96b9b2ddac1d4a09ba1e7423b2db80fd','partial_refund_no_return','40.00','USD','[{"code": "merchant_edit", "description": "Decided by merchant."}]','{"previous_status": "review", "proposed_outcome": "escalate", "proposed_amount": "0.00"}',NULL,'merchant','goodwill','2026-12-02 13:54:57.353451');
CREATE TABLE ingest_runs (
	id INTEGER NOT NULL, 
	report JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE listing_glossary (
	id INTEGER NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	kind VARCHAR(8) NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	target VARCHAR(200) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (language, kind, source)
);
CREATE TABLE listing_versions (
	id VARCHAR(32) NOT NULL, 
	product_id VARCHAR(64) NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	marketplace VARCHAR(32) NOT NULL, 
	version INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	listing JSON NOT NULL, 
	issues JSON NOT NULL, 
	source_hash VARCHAR(64) NOT NULL, 
	prompt_version VARCHAR(64) NOT NULL, 
	model VARCHAR(120) NOT NULL, 
	origin VARCHAR(16) NOT NULL, 
	override_reason TEXT, 
	created_at DATETIME NOT NULL, 
	accepted_at DATETIME, 
	PRIMARY KEY (id)
);
CREATE TABLE merchant_settings (
	"key" VARCHAR(64) NOT NULL, 
	value JSON NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "merchant_settings" VALUES('demo_activity_seeded','{"at": "2026-11-20T12:00:00+00:00", "days": 5, "conversations": 25, "refund_cases": 10, "chargebacks": 6}','2026-12-02 13:54:58.735416');
CREATE TABLE messages (
	id INTEGER NOT NULL, 
	conversation_id VARCHAR(32) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	text TEXT NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	translation TEXT, 
	citations JSON NOT NULL, 
	meta JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
);
INSERT INTO "messages" VALUES(1,'868907b3377d4b3085c14de19fed7a3f','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 17:54:00.000000');
INSERT INTO "messages" VALUES(2,'868907b3377d4b3085c14de19fed7a3f','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 1, "source": "model"}','2026-11-15 17:54:04.000000');
INSERT INTO "messages" VALUES(3,'868907b3377d4b3085c14de19fed7a3f','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 17:55:00.000000');
INSERT INTO "messages" VALUES(4,'868907b3377d4b3085c14de19fed7a3f','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 3, "source": "fallback"}','2026-11-15 17:55:04.000000');
INSERT INTO "messages" VALUES(5,'868907b3377d4b3085c14de19fed7a3f','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 17:56:00.000000');
INSERT INTO "messages" VALUES(6,'868907b3377d4b3085c14de19fed7a3f','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 5, "source": "model"}','2026-11-15 17:56:04.000000');
INSERT INTO "messages" VALUES(7,'8af9707eba0a478185339cd534f7f606','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:34:00.000000');
INSERT INTO "messages" VALUES(8,'8af9707eba0a478185339cd534f7f606','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 7, "source": "fallback"}','2026-11-15 02:34:04.000000');
INSERT INTO "messages" VALUES(9,'8af9707eba0a478185339cd534f7f606','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:35:00.000000');
INSERT INTO "messages" VALUES(10,'8af9707eba0a478185339cd534f7f606','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 9, "source": "fallback"}','2026-11-15 02:35:04.000000');
INSERT INTO "messages" VALUES(11,'e8d57d2baa85430ea3142ad72e13ca76','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:03:00.000000');
INSERT INTO "messages" VALUES(12,'e8d57d2baa85430ea3142ad72e13ca76','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 11, "source": "fallback"}','2026-11-15 02:03:04.000000');
INSERT INTO "messages" VALUES(13,'e8d57d2baa85430ea3142ad72e13ca76','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:04:00.000000');
INSERT INTO "messages" VALUES(14,'e8d57d2baa85430ea3142ad72e13ca76','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 13, "source": "model"}','2026-11-15 02:04:04.000000');
INSERT INTO "messages" VALUES(15,'e8d57d2baa85430ea3142ad72e13ca76','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:05:00.000000');
INSERT INTO "messages" VALUES(16,'e8d57d2baa85430ea3142ad72e13ca76','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 15, "source": "model"}','2026-11-15 02:05:04.000000');
INSERT INTO "messages" VALUES(17,'71370d39f04a43e2b3a3136fdb448534','buyer','¿El monitor de 15,6 pulgadas incluye funda?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 15:00:00.000000');
INSERT INTO "messages" VALUES(18,'71370d39f04a43e2b3a3136fdb448534','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 17, "source": "template"}','2026-11-15 15:00:04.000000');
INSERT INTO "messages" VALUES(19,'71370d39f04a43e2b3a3136fdb448534','buyer','¿Cuánto tarda el envío a España?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 15:01:00.000000');
INSERT INTO "messages" VALUES(20,'71370d39f04a43e2b3a3136fdb448534','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 19, "source": "fallback"}','2026-11-15 15:01:04.000000');
INSERT INTO "messages" VALUES(21,'1f9cad0991a24357aeee543d9d6d63b2','buyer','맥북에 USB-C 케이블 하나로 연결되나요?','ko',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 07:32:00.000000');
INSERT INTO "messages" VALUES(22,'1f9cad0991a24357aeee543d9d6d63b2','assistant','(demo reply)','ko',NULL,'[]','{"demo": true, "reply_to": 21, "source": "model"}','2026-11-15 07:32:04.000000');
INSERT INTO "messages" VALUES(23,'f6dbe8647da14c4995ce7a149f3b1d56','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:01:00.000000');
INSERT INTO "messages" VALUES(24,'f6dbe8647da14c4995ce7a149f3b1d56','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 23, "source": "template"}','2026-11-15 02:01:04.000000');
INSERT INTO "messages" VALUES(25,'f6dbe8647da14c4995ce7a149f3b1d56','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-15 02:02:00.000000');
INSERT INTO "messages" VALUES(26,'f6dbe8647da14c4995ce7a149f3b1d56','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 25, "source": "model"}','2026-11-15 02:02:04.000000');
INSERT INTO "messages" VALUES(27,'16a328545814410c803e25d7ef996035','buyer','日本までの配送日数は？','ja',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 21:17:00.000000');
INSERT INTO "messages" VALUES(28,'16a328545814410c803e25d7ef996035','assistant','(demo reply)','ja',NULL,'[]','{"demo": true, "reply_to": 27, "source": "fallback"}','2026-11-16 21:17:04.000000');
INSERT INTO "messages" VALUES(29,'16a328545814410c803e25d7ef996035','buyer','8Kモニターはありますか？','ja',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 21:22:00.000000');
INSERT INTO "messages" VALUES(30,'16a328545814410c803e25d7ef996035','assistant','(demo reply)','ja',NULL,'[]','{"demo": true, "reply_to": 29, "source": "template", "refused": true, "handoff": "low_confidence"}','2026-11-16 21:22:04.000000');
INSERT INTO "messages" VALUES(31,'16a328545814410c803e25d7ef996035','merchant','(demo merchant reply)','en',NULL,'[]','{"demo": true}','2026-11-16 21:53:00.000000');
INSERT INTO "messages" VALUES(32,'22e301f15db94a25941d1550990f4993','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 01:29:00.000000');
INSERT INTO "messages" VALUES(33,'22e301f15db94a25941d1550990f4993','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 32, "source": "model"}','2026-11-16 01:29:04.000000');
INSERT INTO "messages" VALUES(34,'d85effc427df427f83a536904b12379b','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 04:26:00.000000');
INSERT INTO "messages" VALUES(35,'d85effc427df427f83a536904b12379b','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 34, "source": "model"}','2026-11-16 04:26:04.000000');
INSERT INTO "messages" VALUES(36,'c6daca2d7ba34b579d0fa25900a16e33','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 18:19:00.000000');
INSERT INTO "messages" VALUES(37,'c6daca2d7ba34b579d0fa25900a16e33','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 36, "source": "model"}','2026-11-16 18:19:04.000000');
INSERT INTO "messages" VALUES(38,'c6daca2d7ba34b579d0fa25900a16e33','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 18:20:00.000000');
INSERT INTO "messages" VALUES(39,'c6daca2d7ba34b579d0fa25900a16e33','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 38, "source": "model"}','2026-11-16 18:20:04.000000');
INSERT INTO "messages" VALUES(40,'c6daca2d7ba34b579d0fa25900a16e33','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-16 18:21:00.000000');
INSERT INTO "messages" VALUES(41,'c6daca2d7ba34b579d0fa25900a16e33','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 40, "source": "model"}','2026-11-16 18:21:04.000000');
INSERT INTO "messages" VALUES(42,'3635d3b82a1744d09a14d2befe8ec396','buyer','¿Cuánto tarda el envío a España?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 12:04:00.000000');
INSERT INTO "messages" VALUES(43,'3635d3b82a1744d09a14d2befe8ec396','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 42, "source": "model"}','2026-11-17 12:04:04.000000');
INSERT INTO "messages" VALUES(44,'3635d3b82a1744d09a14d2befe8ec396','buyer','¿El monitor de 15,6 pulgadas incluye funda?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 12:05:00.000000');
INSERT INTO "messages" VALUES(45,'3635d3b82a1744d09a14d2befe8ec396','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 44, "source": "model"}','2026-11-17 12:05:04.000000');
INSERT INTO "messages" VALUES(46,'3635d3b82a1744d09a14d2befe8ec396','buyer','¿El monitor de 15,6 pulgadas incluye funda?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 12:06:00.000000');
INSERT INTO "messages" VALUES(47,'3635d3b82a1744d09a14d2befe8ec396','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 46, "source": "model"}','2026-11-17 12:06:04.000000');
INSERT INTO "messages" VALUES(48,'3137ba1bae6f4b6f81ef64b16f241d92','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 18:08:00.000000');
INSERT INTO "messages" VALUES(49,'3137ba1bae6f4b6f81ef64b16f241d92','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 48, "source": "template"}','2026-11-17 18:08:04.000000');
INSERT INTO "messages" VALUES(50,'3137ba1bae6f4b6f81ef64b16f241d92','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 18:09:00.000000');
INSERT INTO "messages" VALUES(51,'3137ba1bae6f4b6f81ef64b16f241d92','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 50, "source": "fallback"}','2026-11-17 18:09:04.000000');
INSERT INTO "messages" VALUES(52,'858fe92a880847b1aa35e41be4df55ed','buyer','Combien coûte la livraison en France ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 20:35:00.000000');
INSERT INTO "messages" VALUES(53,'858fe92a880847b1aa35e41be4df55ed','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 52, "source": "fallback"}','2026-11-17 20:35:04.000000');
INSERT INTO "messages" VALUES(54,'858fe92a880847b1aa35e41be4df55ed','buyer','Combien coûte la livraison en France ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 20:36:00.000000');
INSERT INTO "messages" VALUES(55,'858fe92a880847b1aa35e41be4df55ed','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 54, "source": "model"}','2026-11-17 20:36:04.000000');
INSERT INTO "messages" VALUES(56,'858fe92a880847b1aa35e41be4df55ed','buyer','Faites-vous des emballages cadeaux ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 20:40:00.000000');
INSERT INTO "messages" VALUES(57,'858fe92a880847b1aa35e41be4df55ed','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 56, "source": "template", "refused": true}','2026-11-17 20:40:04.000000');
INSERT INTO "messages" VALUES(58,'3e9fcffd6bb44b4cb835205677f7d371','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 07:47:00.000000');
INSERT INTO "messages" VALUES(59,'3e9fcffd6bb44b4cb835205677f7d371','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 58, "source": "model"}','2026-11-17 07:47:04.000000');
INSERT INTO "messages" VALUES(60,'3e9fcffd6bb44b4cb835205677f7d371','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 07:48:00.000000');
INSERT INTO "messages" VALUES(61,'3e9fcffd6bb44b4cb835205677f7d371','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 60, "source": "template"}','2026-11-17 07:48:04.000000');
INSERT INTO "messages" VALUES(62,'3e9fcffd6bb44b4cb835205677f7d371','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 07:49:00.000000');
INSERT INTO "messages" VALUES(63,'3e9fcffd6bb44b4cb835205677f7d371','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 62, "source": "model"}','2026-11-17 07:49:04.000000');
INSERT INTO "messages" VALUES(64,'dd4c8f090fa54a84a9177f88e443cd4a','buyer','¿Cuánto tarda el envío a España?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-17 20:54:00.000000');
INSERT INTO "messages" VALUES(65,'dd4c8f090fa54a84a9177f88e443cd4a','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 64, "source": "model"}','2026-11-17 20:54:04.000000');
INSERT INTO "messages" VALUES(66,'c7746930350b46d2b9b836c6a4a20a71','buyer','Wie lange dauert der Versand nach Deutschland?','de',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 01:02:00.000000');
INSERT INTO "messages" VALUES(67,'c7746930350b46d2b9b836c6a4a20a71','assistant','(demo reply)','de',NULL,'[]','{"demo": true, "reply_to": 66, "source": "model"}','2026-11-18 01:02:04.000000');
INSERT INTO "messages" VALUES(68,'c7746930350b46d2b9b836c6a4a20a71','buyer','Wie lange dauert der Versand nach Deutschland?','de',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 01:03:00.000000');
INSERT INTO "messages" VALUES(69,'c7746930350b46d2b9b836c6a4a20a71','assistant','(demo reply)','de',NULL,'[]','{"demo": true, "reply_to": 68, "source": "template"}','2026-11-18 01:03:04.000000');
INSERT INTO "messages" VALUES(70,'c7746930350b46d2b9b836c6a4a20a71','buyer','Funktioniert der Monitor mit der Nintendo Switch?','de',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 01:04:00.000000');
INSERT INTO "messages" VALUES(71,'c7746930350b46d2b9b836c6a4a20a71','assistant','(demo reply)','de',NULL,'[]','{"demo": true, "reply_to": 70, "source": "fallback"}','2026-11-18 01:04:04.000000');
INSERT INTO "messages" VALUES(72,'e96ff08580dd44b5a17a9d0571591b0b','buyer','How long does shipping to the UK take?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 18:08:00.000000');
INSERT INTO "messages" VALUES(73,'e96ff08580dd44b5a17a9d0571591b0b','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 72, "source": "fallback"}','2026-11-18 18:08:04.000000');
INSERT INTO "messages" VALUES(74,'e96ff08580dd44b5a17a9d0571591b0b','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 18:09:00.000000');
INSERT INTO "messages" VALUES(75,'e96ff08580dd44b5a17a9d0571591b0b','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 74, "source": "model"}','2026-11-18 18:09:04.000000');
INSERT INTO "messages" VALUES(76,'d0e6c6808f374e32a11afc2305304e1b','buyer','맥북에 USB-C 케이블 하나로 연결되나요?','ko',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 15:04:00.000000');
INSERT INTO "messages" VALUES(77,'d0e6c6808f374e32a11afc2305304e1b','assistant','(demo reply)','ko',NULL,'[]','{"demo": true, "reply_to": 76, "source": "model"}','2026-11-18 15:04:04.000000');
INSERT INTO "messages" VALUES(78,'9ff0eeaa9a9340eaaf0887d4f73ae4ad','buyer','Funktioniert der Monitor mit der Nintendo Switch?','de',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 01:57:00.000000');
INSERT INTO "messages" VALUES(79,'9ff0eeaa9a9340eaaf0887d4f73ae4ad','assistant','(demo reply)','de',NULL,'[]','{"demo": true, "reply_to": 78, "source": "model"}','2026-11-18 01:57:04.000000');
INSERT INTO "messages" VALUES(80,'9ff0eeaa9a9340eaaf0887d4f73ae4ad','buyer','Funktioniert der Monitor mit der Nintendo Switch?','de',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-18 01:58:00.000000');
INSERT INTO "messages" VALUES(81,'9ff0eeaa9a9340eaaf0887d4f73ae4ad','assistant','(demo reply)','de',NULL,'[]','{"demo": true, "reply_to": 80, "source": "template"}','2026-11-18 01:58:04.000000');
INSERT INTO "messages" VALUES(82,'05a1c421364844f0ae03ec7c894505ba','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 00:55:00.000000');
INSERT INTO "messages" VALUES(83,'05a1c421364844f0ae03ec7c894505ba','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 82, "source": "model"}','2026-11-19 00:55:04.000000');
INSERT INTO "messages" VALUES(84,'05a1c421364844f0ae03ec7c894505ba','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 00:56:00.000000');
INSERT INTO "messages" VALUES(85,'05a1c421364844f0ae03ec7c894505ba','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 84, "source": "fallback"}','2026-11-19 00:56:04.000000');
INSERT INTO "messages" VALUES(86,'05a1c421364844f0ae03ec7c894505ba','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 00:57:00.000000');
INSERT INTO "messages" VALUES(87,'05a1c421364844f0ae03ec7c894505ba','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 86, "source": "model"}','2026-11-19 00:57:04.000000');
INSERT INTO "messages" VALUES(88,'e25abf2593de4d9fb267c5a653e81971','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 08:56:00.000000');
INSERT INTO "messages" VALUES(89,'e25abf2593de4d9fb267c5a653e81971','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 88, "source": "model"}','2026-11-19 08:56:04.000000');
INSERT INTO "messages" VALUES(90,'e25abf2593de4d9fb267c5a653e81971','buyer','Ile kosztuje wysyłka do Polski?','pl',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 08:57:00.000000');
INSERT INTO "messages" VALUES(91,'e25abf2593de4d9fb267c5a653e81971','assistant','(demo reply)','pl',NULL,'[]','{"demo": true, "reply_to": 90, "source": "model"}','2026-11-19 08:57:04.000000');
INSERT INTO "messages" VALUES(92,'8c2ecd0215f445059c15987a810aa2bf','buyer','¿Cuánto tarda el envío a España?','es',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 09:38:00.000000');
INSERT INTO "messages" VALUES(93,'8c2ecd0215f445059c15987a810aa2bf','assistant','(demo reply)','es',NULL,'[]','{"demo": true, "reply_to": 92, "source": "model"}','2026-11-19 09:38:04.000000');
INSERT INTO "messages" VALUES(94,'95692214e0ac4f0a82b1119fd6f460c0','buyer','Does the 15.6 inch monitor work with a MacBook over one USB-C cable?','en',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 15:16:00.000000');
INSERT INTO "messages" VALUES(95,'95692214e0ac4f0a82b1119fd6f460c0','assistant','(demo reply)','en',NULL,'[]','{"demo": true, "reply_to": 94, "source": "model"}','2026-11-19 15:16:04.000000');
INSERT INTO "messages" VALUES(96,'68f679c08b52426491ef72771d821dcf','buyer','Quanto tempo demora o envio para Portugal?','pt',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 10:42:00.000000');
INSERT INTO "messages" VALUES(97,'68f679c08b52426491ef72771d821dcf','assistant','(demo reply)','pt',NULL,'[]','{"demo": true, "reply_to": 96, "source": "model"}','2026-11-19 10:42:04.000000');
INSERT INTO "messages" VALUES(98,'6a7231820cb64d0d9a51c49b9ce96e0b','buyer','Combien coûte la livraison en France ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 20:27:00.000000');
INSERT INTO "messages" VALUES(99,'6a7231820cb64d0d9a51c49b9ce96e0b','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 98, "source": "fallback"}','2026-11-19 20:27:04.000000');
INSERT INTO "messages" VALUES(100,'6a7231820cb64d0d9a51c49b9ce96e0b','buyer','Combien coûte la livraison en France ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 20:28:00.000000');
INSERT INTO "messages" VALUES(101,'6a7231820cb64d0d9a51c49b9ce96e0b','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 100, "source": "model"}','2026-11-19 20:28:04.000000');
INSERT INTO "messages" VALUES(102,'6a7231820cb64d0d9a51c49b9ce96e0b','buyer','Faites-vous des emballages cadeaux ?','fr',NULL,'[]','{"demo": true, "intent": "product_question"}','2026-11-19 20:32:00.000000');
INSERT INTO "messages" VALUES(103,'6a7231820cb64d0d9a51c49b9ce96e0b','assistant','(demo reply)','fr',NULL,'[]','{"demo": true, "reply_to": 102, "source": "template", "refused": true, "handoff": "low_confidence"}','2026-11-19 20:32:04.000000');
INSERT INTO "messages" VALUES(104,'6a7231820cb64d0d9a51c49b9ce96e0b','merchant','(demo merchant reply)','en',NULL,'[]','{"demo": true}','2026-11-19 21:57:00.000000');
CREATE TABLE orders (
	order_no VARCHAR(64) NOT NULL, 
	buyer_email VARCHAR(320) NOT NULL, 
	country_code VARCHAR(2) NOT NULL, 
	status VARCHAR(32) NOT NULL, 
	created_at DATETIME NOT NULL, 
	record JSON NOT NULL, 
	PRIMARY KEY (order_no)
);
INSERT INTO "orders" VALUES('PP-260902','k.nowak@example.com','PL','delivered','2026-09-02 07:40:00.000000','{"order_no": "PP-260902", "buyer_name": "Katarzyna Nowak", "buyer_email": "k.nowak@example.com", "country_code": "PL", "language": "pl", "created_at": "2026-09-02T07:40:00Z", "items": [{"product_id": "PP-133-FHD", "title": "PixelPort 13.3\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Ultra-Slim", "quantity": 1, "unit_price": "99.00"}, {"product_id": "PP-CASE-133", "title": "PixelPort Padded Sleeve for 13.3\u201314\" Portable Monitors, Water-Resistant", "quantity": 1, "unit_price": "16.00"}], "shipping_paid": "11.00", "total_paid": "126.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "3318", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "83.24.118.77", "device_id": "dev-3c91", "authorization_code": "PL7Q2K"}, "shipping_address": {"name": "Katarzyna Nowak", "line1": "ul. Marsza\u0142kowska 84/92 m. 17", "city": "Warszawa", "postal_code": "00-514", "country_code": "PL"}, "status": "delivered", "carrier": "4PX", "tracking_no": "4PX3001269845PL", "tracking_events": [{"time": "2026-09-03T03:40:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-03T13:40:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-04T11:40:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-06T07:40:00Z", "location": "Warsaw Chopin Airport, PL", "description": "Arrived in destination country"}, {"time": "2026-09-07T07:40:00Z", "location": "Warszawa, PL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-09T09:40:00Z", "location": "Warszawa, PL", "description": "Handed over to InPost"}, {"time": "2026-09-12T10:40:00Z", "location": "Warszawa, PL", "description": "Delivered to parcel locker WAW21M"}], "delivered_at": "2026-09-12T10:40:00Z", "delivery_proof": {"signature_name": null, "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260904','lukas.becker@example.com','DE','delivered','2026-09-04 18:05:00.000000','{"order_no": "PP-260904", "buyer_name": "Lukas Becker", "buyer_email": "lukas.becker@example.com", "country_code": "DE", "language": "de", "created_at": "2026-09-04T18:05:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CBL-C2C-1M-4K", "title": "PixelPort USB-C to USB-C Full-Function Cable 1 m, 10 Gbps, 4K 60 Hz DP Alt Mode, 100 W PD", "quantity": 1, "unit_price": "15.00"}], "shipping_paid": "0.00", "total_paid": "134.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "5521", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "91.64.201.18", "device_id": "dev-7d0e", "authorization_code": "DE84M1"}, "shipping_address": {"name": "Lukas Becker", "line1": "Sch\u00f6nhauser Allee 112", "city": "Berlin", "postal_code": "10439", "country_code": "DE"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2624711052301", "tracking_events": [{"time": "2026-09-05T14:05:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-06T00:05:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-06T22:05:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-08T22:05:00Z", "location": "Leipzig, DE", "description": "Arrived in destination country"}, {"time": "2026-09-09T20:05:00Z", "location": "Leipzig, DE", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-11T00:05:00Z", "location": "Berlin, DE", "description": "Handed over to DHL Paket"}, {"time": "2026-09-12T06:05:00Z", "location": "Berlin, DE", "description": "Out for delivery"}, {"time": "2026-09-12T12:05:00Z", "location": "Berlin, DE", "description": "Delivered to recipient"}], "delivered_at": "2026-09-12T12:05:00Z", "delivery_proof": {"signature_name": "Becker", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260908','yuki.tanaka@example.org','JP','delivered','2026-09-08 02:30:00.000000','{"order_no": "PP-260908", "buyer_name": "Yuki Tanaka", "buyer_email": "yuki.tanaka@example.org", "country_code": "JP", "language": "ja", "created_at": "2026-09-08T02:30:00Z", "items": [{"product_id": "PP-101-MINI", "title": "PixelPort Mini 10.1\" FHD+ IPS Portable Monitor, 1920x1200, USB-C + Mini-HDMI, 1/4\" Tripod Mount", "quantity": 1, "unit_price": "79.00"}, {"product_id": "PP-CBL-MHDMI-1M", "title": "PixelPort Mini-HDMI to HDMI Cable 1 m, HDMI 2.0, 4K 60 Hz", "quantity": 1, "unit_price": "9.00"}], "shipping_paid": "10.00", "total_paid": "98.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "9034", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "126.72.45.190", "device_id": "dev-a14b", "authorization_code": "JP3X9T"}, "shipping_address": {"name": "Yuki Tanaka", "line1": "3-14-7 Kichijoji Honcho, Room 402", "city": "Musashino-shi, Tokyo", "postal_code": "180-0004", "country_code": "JP"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2625108873644", "tracking_events": [{"time": "2026-09-08T22:30:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-09T08:30:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-10T06:30:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-11T04:30:00Z", "location": "Narita, JP", "description": "Arrived in destination country"}, {"time": "2026-09-11T20:30:00Z", "location": "Narita, JP", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-12T16:30:00Z", "location": "Tokyo, JP", "description": "Handed over to Japan Post"}, {"time": "2026-09-14T03:30:00Z", "location": "Musashino, JP", "description": "Delivered to recipient"}], "delivered_at": "2026-09-14T03:30:00Z", "delivery_proof": {"signature_name": "Tanaka", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260911','emre.yilmaz@example.com','TR','delivered','2026-09-11 09:12:00.000000','{"order_no": "PP-260911", "buyer_name": "Emre Y\u0131lmaz", "buyer_email": "emre.yilmaz@example.com", "country_code": "TR", "language": "tr", "created_at": "2026-09-11T09:12:00Z", "items": [{"product_id": "PP-173-FHD-144", "title": "PixelPort 17.3\" FHD 144 Hz IPS Portable Monitor, Dual USB-C + Mini-HDMI, Built-in Stand", "quantity": 1, "unit_price": "179.00"}], "shipping_paid": "25.00", "total_paid": "204.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "7702", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "88.230.61.14", "device_id": "dev-51fa", "authorization_code": "TR0K5D"}, "shipping_address": {"name": "Emre Y\u0131lmaz", "line1": "Cafera\u011fa Mah. Moda Cad. No: 48 D: 6", "city": "Kad\u0131k\u00f6y, \u0130stanbul", "postal_code": "34710", "country_code": "TR"}, "status": "delivered", "carrier": "DHL Express", "tracking_no": "4817265930", "tracking_events": [{"time": "2026-09-12T03:12:00Z", "location": "Shenzhen, CN", "description": "Shipment picked up"}, {"time": "2026-09-12T11:12:00Z", "location": "Hong Kong, HK", "description": "Processed at DHL Hong Kong hub"}, {"time": "2026-09-13T01:12:00Z", "location": "Leipzig, DE", "description": "Transit through DHL hub"}, {"time": "2026-09-13T21:12:00Z", "location": "Istanbul, TR", "description": "Arrived at destination facility"}, {"time": "2026-09-14T23:12:00Z", "location": "Istanbul, TR", "description": "Customs cleared; import duties paid by recipient (DAP)"}, {"time": "2026-09-15T07:12:00Z", "location": "Istanbul, TR", "description": "With delivery courier"}, {"time": "2026-09-15T11:12:00Z", "location": "Istanbul, TR", "description": "Delivered - signed for by recipient"}], "delivered_at": "2026-09-15T11:12:00Z", "delivery_proof": {"signature_name": "E. Yilmaz", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260914','sanne.devries@example.org','NL','returned','2026-09-14 12:22:00.000000','{"order_no": "PP-260914", "buyer_name": "Sanne de Vries", "buyer_email": "sanne.devries@example.org", "country_code": "NL", "language": "nl", "created_at": "2026-09-14T12:22:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}], "shipping_paid": "0.00", "total_paid": "169.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "2290", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "145.131.9.66", "device_id": "dev-0be3", "authorization_code": "NL55R8"}, "shipping_address": {"name": "Sanne de Vries", "line1": "Oudegracht 231-B", "city": "Utrecht", "postal_code": "3511 NK", "country_code": "NL"}, "status": "returned", "carrier": "YunExpress", "tracking_no": "YT2625711436210", "tracking_events": [{"time": "2026-09-15T08:22:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-15T18:22:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-16T16:22:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-18T14:22:00Z", "location": "Amsterdam Schiphol, NL", "description": "Arrived in destination country"}, {"time": "2026-09-19T10:22:00Z", "location": "Amsterdam Schiphol, NL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-20T08:22:00Z", "location": "Utrecht, NL", "description": "Handed over to PostNL"}, {"time": "2026-09-21T08:22:00Z", "location": "Utrecht, NL", "description": "Delivered to recipient"}, {"time": "2026-10-01T08:22:00Z", "location": "Utrecht, NL", "description": "Return shipment accepted by PostNL (buyer-paid return)"}, {"time": "2026-10-10T08:22:00Z", "location": "Shenzhen, CN", "description": "Return shipment received at PixelPort warehouse"}, {"time": "2026-10-11T14:22:00Z", "location": "Shenzhen, CN", "description": "Return inspected: unused, original packaging; refund approved"}], "delivered_at": "2026-09-21T08:22:00Z", "delivery_proof": {"signature_name": "S. de Vries", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260917','a.alharbi@example.org','SA','delivered','2026-09-17 15:50:00.000000','{"order_no": "PP-260917", "buyer_name": "Abdullah Al-Harbi", "buyer_email": "a.alharbi@example.org", "country_code": "SA", "language": "ar", "created_at": "2026-09-17T15:50:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CHG-65W", "title": "PixelPort 65 W GaN USB-C PD Charger, PPS, Interchangeable US/EU/UK/AU Plugs", "quantity": 1, "unit_price": "29.00"}], "shipping_paid": "16.00", "total_paid": "164.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "6127", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "51.36.122.40", "device_id": "dev-e20c", "authorization_code": "SA9H3W"}, "shipping_address": {"name": "Abdullah Al-Harbi", "line1": "King Fahd Road, Al Olaya District, Building 7421", "city": "Riyadh", "postal_code": "12214", "country_code": "SA"}, "status": "delivered", "carrier": "Aramex", "tracking_no": "35871046129", "tracking_events": [{"time": "2026-09-18T11:50:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-18T21:50:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-19T19:50:00Z", "location": "Hong Kong International Airport, HK", "description": "Departed origin airport"}, {"time": "2026-09-22T05:50:00Z", "location": "Riyadh, SA", "description": "Arrived in destination country"}, {"time": "2026-09-24T07:50:00Z", "location": "Riyadh, SA", "description": "Customs cleared; duties and VAT paid by recipient (DAP)"}, {"time": "2026-09-26T05:50:00Z", "location": "Riyadh, SA", "description": "Out for delivery"}, {"time": "2026-09-26T10:50:00Z", "location": "Riyadh, SA", "description": "Delivered to recipient"}], "delivered_at": "2026-09-26T10:50:00Z", "delivery_proof": {"signature_name": "Abdullah", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260921','jihoon.park@example.org','KR','delivered','2026-09-21 01:15:00.000000','{"order_no": "PP-260921", "buyer_name": "Park Ji-hoon", "buyer_email": "jihoon.park@example.org", "country_code": "KR", "language": "ko", "created_at": "2026-09-21T01:15:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}], "shipping_paid": "0.00", "total_paid": "229.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "1881", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "211.234.10.5", "device_id": "dev-8f2a", "authorization_code": "KR4A7C"}, "shipping_address": {"name": "Park Ji-hoon", "line1": "25 Teheran-ro 52-gil, Gangnam-gu, Apt 1203", "city": "Seoul", "postal_code": "06212", "country_code": "KR"}, "status": "delivered", "carrier": "CJ Logistics", "tracking_no": "CJ683021457KR", "tracking_events": [{"time": "2026-09-21T21:15:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-22T07:15:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-23T05:15:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-23T23:15:00Z", "location": "Incheon, KR", "description": "Arrived in destination country"}, {"time": "2026-09-24T13:15:00Z", "location": "Incheon, KR", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-09-25T05:15:00Z", "location": "Seoul Gangnam, KR", "description": "Arrived at CJ Logistics delivery branch"}, {"time": "2026-09-26T00:15:00Z", "location": "Seoul Gangnam, KR", "description": "Out for delivery"}, {"time": "2026-09-26T05:15:00Z", "location": "Seoul Gangnam, KR", "description": "Delivered - handed to recipient, signature collected"}], "delivered_at": "2026-09-26T05:15:00Z", "delivery_proof": {"signature_name": "Park Ji-hoon", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-260925','giulia.romano@example.org','IT','delivered','2026-09-25 10:05:00.000000','{"order_no": "PP-260925", "buyer_name": "Giulia Romano", "buyer_email": "giulia.romano@example.org", "country_code": "IT", "language": "it", "created_at": "2026-09-25T10:05:00Z", "items": [{"product_id": "PP-140-2K", "title": "PixelPort 14\" 2.2K IPS Portable Monitor, 2240x1400 16:10, 400 nits, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "139.00"}, {"product_id": "PP-STD-FOLD", "title": "PixelPort Foldable Aluminium Stand for 10.1\u201318.5\" Portable Monitors and Tablets", "quantity": 1, "unit_price": "25.00"}], "shipping_paid": "0.00", "total_paid": "164.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "4410", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "93.45.87.201", "device_id": "dev-66d1", "authorization_code": "IT2M7Z"}, "shipping_address": {"name": "Giulia Romano", "line1": "Via Paolo Sarpi 33", "city": "Milano", "postal_code": "20154", "country_code": "IT"}, "status": "delivered", "carrier": "4PX", "tracking_no": "4PX3001302217IT", "tracking_events": [{"time": "2026-09-26T06:05:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-09-26T16:05:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-09-27T14:05:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-09-30T00:05:00Z", "location": "Milano Malpensa, IT", "description": "Arrived in destination country"}, {"time": "2026-10-01T02:05:00Z", "location": "Milano Malpensa, IT", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-10-02T12:05:00Z", "location": "Milano, IT", "description": "Handed over to Poste Italiane"}, {"time": "2026-10-05T12:05:00Z", "location": "Milano, IT", "description": "Delivered to recipient"}], "delivered_at": "2026-10-05T12:05:00Z", "delivery_proof": {"signature_name": "Romano", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261002','fatima.almansoori@example.org','AE','delivered','2026-10-02 06:40:00.000000','{"order_no": "PP-261002", "buyer_name": "Fatima Al Mansoori", "buyer_email": "fatima.almansoori@example.org", "country_code": "AE", "language": "ar", "created_at": "2026-10-02T06:40:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "299.00"}], "shipping_paid": "0.00", "total_paid": "299.00", "currency": "USD", "payment": {"method": "card", "card_brand": "amex", "card_last4": "1007", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "94.200.14.73", "device_id": "dev-c7a0", "authorization_code": "AE61P4"}, "shipping_address": {"name": "Fatima Al Mansoori", "line1": "Marina Gate 2, Apartment 2308, Dubai Marina", "city": "Dubai", "postal_code": "00000", "country_code": "AE"}, "status": "delivered", "carrier": "Aramex", "tracking_no": "35872210583", "tracking_events": [{"time": "2026-10-03T02:40:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-03T12:40:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-04T10:40:00Z", "location": "Hong Kong International Airport, HK", "description": "Departed origin airport"}, {"time": "2026-10-06T00:40:00Z", "location": "Dubai, AE", "description": "Arrived in destination country"}, {"time": "2026-10-07T06:40:00Z", "location": "Dubai, AE", "description": "Customs cleared; duties and VAT paid by recipient (DAP)"}, {"time": "2026-10-08T06:40:00Z", "location": "Dubai, AE", "description": "Out for delivery"}, {"time": "2026-10-08T11:40:00Z", "location": "Dubai, AE", "description": "Delivered to recipient"}], "delivered_at": "2026-10-08T11:40:00Z", "delivery_proof": {"signature_name": "Fatima", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261008','mcarter@example.com','US','delivered','2026-10-08 22:10:00.000000','{"order_no": "PP-261008", "buyer_name": "Michael Carter", "buyer_email": "mcarter@example.com", "country_code": "US", "language": "en", "created_at": "2026-10-08T22:10:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}, {"product_id": "PP-HUB-7IN1", "title": "PixelPort USB-C 7-in-1 Hub: HDMI 4K 60 Hz, 100 W PD, 2x USB-A 3.0, USB-C Data, SD/microSD", "quantity": 1, "unit_price": "35.00"}], "shipping_paid": "0.00", "total_paid": "264.00", "currency": "USD", "payment": {"method": "card", "card_brand": "discover", "card_last4": "6011", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "70.114.35.92", "device_id": "dev-92b7", "authorization_code": "US3D8N"}, "shipping_address": {"name": "Michael Carter", "line1": "4310 Avenue H, Apt 2", "city": "Austin, TX", "postal_code": "78751", "country_code": "US"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2628122590871", "tracking_events": [{"time": "2026-10-09T18:10:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-10T04:10:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-11T02:10:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-13T12:10:00Z", "location": "Los Angeles, CA, US", "description": "Arrived in destination country"}, {"time": "2026-10-14T18:10:00Z", "location": "Los Angeles, CA, US", "description": "Customs cleared; import charges billed to recipient (DAP)"}, {"time": "2026-10-16T00:10:00Z", "location": "Los Angeles, CA, US", "description": "Handed over to USPS"}, {"time": "2026-10-19T14:10:00Z", "location": "Austin, TX, US", "description": "Out for delivery"}, {"time": "2026-10-19T20:10:00Z", "location": "Austin, TX, US", "description": "Delivered, front door/porch"}], "delivered_at": "2026-10-19T20:10:00Z", "delivery_proof": {"signature_name": null, "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261015','lukas.becker@example.com','DE','delivered','2026-10-15 19:30:00.000000','{"order_no": "PP-261015", "buyer_name": "Lukas Becker", "buyer_email": "lukas.becker@example.com", "country_code": "DE", "language": "de", "created_at": "2026-10-15T19:30:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "299.00"}], "shipping_paid": "0.00", "total_paid": "299.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "5521", "avs_result": "Y", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "91.64.201.18", "device_id": "dev-7d0e", "authorization_code": "DE19W6"}, "shipping_address": {"name": "Lukas Becker", "line1": "Sch\u00f6nhauser Allee 112", "city": "Berlin", "postal_code": "10439", "country_code": "DE"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2628820114753", "tracking_events": [{"time": "2026-10-16T15:30:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-17T01:30:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-17T23:30:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-20T03:30:00Z", "location": "Leipzig, DE", "description": "Arrived in destination country"}, {"time": "2026-10-21T01:30:00Z", "location": "Leipzig, DE", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-10-22T03:30:00Z", "location": "Berlin, DE", "description": "Handed over to DHL Paket"}, {"time": "2026-10-24T09:30:00Z", "location": "Berlin, DE", "description": "Out for delivery"}, {"time": "2026-10-24T15:30:00Z", "location": "Berlin, DE", "description": "Delivered to recipient"}], "delivered_at": "2026-10-24T15:30:00Z", "delivery_proof": {"signature_name": "Becker", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261020','mariana.oliveira@example.org','BR','delivered','2026-10-20 13:25:00.000000','{"order_no": "PP-261020", "buyer_name": "Mariana Oliveira", "buyer_email": "mariana.oliveira@example.org", "country_code": "BR", "language": "pt", "created_at": "2026-10-20T13:25:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}], "shipping_paid": "18.00", "total_paid": "187.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "8846", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "177.92.14.203", "device_id": "dev-b3e8", "authorization_code": "BR7T1V"}, "shipping_address": {"name": "Mariana Oliveira", "line1": "Rua Augusta, 1508, Apto 94, Consola\u00e7\u00e3o", "city": "S\u00e3o Paulo, SP", "postal_code": "01304-001", "country_code": "BR"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00643812957BR", "tracking_events": [{"time": "2026-10-21T09:25:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-21T19:25:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-22T17:25:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-10-30T03:25:00Z", "location": "Curitiba, PR, BR", "description": "Arrived in destination country"}, {"time": "2026-11-05T09:25:00Z", "location": "Curitiba, PR, BR", "description": "Awaiting import tax payment by recipient (DAP)"}, {"time": "2026-11-07T11:25:00Z", "location": "Curitiba, PR, BR", "description": "Import tax paid; customs cleared"}, {"time": "2026-11-09T03:25:00Z", "location": "Curitiba, PR, BR", "description": "Handed over to Correios"}, {"time": "2026-11-13T17:25:00Z", "location": "S\u00e3o Paulo, SP, BR", "description": "Out for delivery"}, {"time": "2026-11-14T16:25:00Z", "location": "S\u00e3o Paulo, SP, BR", "description": "Delivered to recipient"}], "delivered_at": "2026-11-14T16:25:00Z", "delivery_proof": {"signature_name": "Mariana O.", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261027','joao.ferreira@example.org','PT','delivered','2026-10-27 11:45:00.000000','{"order_no": "PP-261027", "buyer_name": "Jo\u00e3o Ferreira", "buyer_email": "joao.ferreira@example.org", "country_code": "PT", "language": "pt", "created_at": "2026-10-27T11:45:00Z", "items": [{"product_id": "PP-185-FHD", "title": "PixelPort 18.5\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Kickstand", "quantity": 1, "unit_price": "189.00"}], "shipping_paid": "0.00", "total_paid": "189.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "5093", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "85.240.77.151", "device_id": "dev-4a2f", "authorization_code": "PT2C6G"}, "shipping_address": {"name": "Jo\u00e3o Ferreira", "line1": "Rua de Santa Catarina 214, 3.\u00ba Esq.", "city": "Porto", "postal_code": "4000-442", "country_code": "PT"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00651107234PT", "tracking_events": [{"time": "2026-10-28T07:45:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-10-28T17:45:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-10-29T15:45:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-02T07:45:00Z", "location": "Lisboa, PT", "description": "Arrived in destination country"}, {"time": "2026-11-03T13:45:00Z", "location": "Lisboa, PT", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-04T19:45:00Z", "location": "Lisboa, PT", "description": "Handed over to CTT"}, {"time": "2026-11-07T11:45:00Z", "location": "Porto, PT", "description": "Delivered to recipient"}], "delivered_at": "2026-11-07T11:45:00Z", "delivery_proof": {"signature_name": "J. Ferreira", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261103','lucia.garcia@example.org','ES','delivered','2026-11-03 17:20:00.000000','{"order_no": "PP-261103", "buyer_name": "Luc\u00eda Garc\u00eda", "buyer_email": "lucia.garcia@example.org", "country_code": "ES", "language": "es", "created_at": "2026-11-03T17:20:00Z", "items": [{"product_id": "PP-133-FHD", "title": "PixelPort 13.3\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Ultra-Slim", "quantity": 1, "unit_price": "99.00"}, {"product_id": "PP-SP-133", "title": "PixelPort Anti-Glare Matte Screen Protector for 13.3\" 16:9 Portable Monitors (2-Pack)", "quantity": 1, "unit_price": "10.00"}], "shipping_paid": "12.00", "total_paid": "121.00", "currency": "USD", "payment": {"method": "paypal", "card_brand": null, "card_last4": null, "avs_result": null, "cvv_result": null, "three_ds": null, "ip_address": "88.27.140.9", "device_id": "dev-d58c", "authorization_code": "PAYID-7QK2N4"}, "shipping_address": {"name": "Luc\u00eda Garc\u00eda", "line1": "Calle de Fuencarral 96, 2\u00ba B", "city": "Madrid", "postal_code": "28004", "country_code": "ES"}, "status": "delivered", "carrier": "Cainiao", "tracking_no": "LP00662931480ES", "tracking_events": [{"time": "2026-11-04T13:20:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-04T23:20:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-05T21:20:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-08T17:20:00Z", "location": "Madrid Barajas, ES", "description": "Arrived in destination country"}, {"time": "2026-11-09T18:20:00Z", "location": "Madrid Barajas, ES", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-10T19:20:00Z", "location": "Madrid, ES", "description": "Handed over to Correos Express"}, {"time": "2026-11-12T13:20:00Z", "location": "Madrid, ES", "description": "Delivered to recipient"}], "delivered_at": "2026-11-12T13:20:00Z", "delivery_proof": {"signature_name": "Luc\u00eda G.", "photo": false}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261106','chen.wei.nl@example.com','NL','delivered','2026-11-06 08:00:00.000000','{"order_no": "PP-261106", "buyer_name": "Chen Wei", "buyer_email": "chen.wei.nl@example.com", "country_code": "NL", "language": "zh", "created_at": "2026-11-06T08:00:00Z", "items": [{"product_id": "PP-TRIO-133", "title": "PixelPort Trio 13.3\" Dual-Screen Laptop Extender (Triple Display), 2x FHD IPS, for 13.3\u201316\" Laptops", "quantity": 1, "unit_price": "329.00"}], "shipping_paid": "0.00", "total_paid": "329.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "2466", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "217.123.56.88", "device_id": "dev-1f7d", "authorization_code": "NL03J9"}, "shipping_address": {"name": "Chen Wei", "line1": "Van Woustraat 141-2", "city": "Amsterdam", "postal_code": "1074 AJ", "country_code": "NL"}, "status": "delivered", "carrier": "YunExpress", "tracking_no": "YT2630107762198", "tracking_events": [{"time": "2026-11-07T04:00:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-07T14:00:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-08T12:00:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-10T08:00:00Z", "location": "Amsterdam Schiphol, NL", "description": "Arrived in destination country"}, {"time": "2026-11-11T04:00:00Z", "location": "Amsterdam Schiphol, NL", "description": "Customs cleared (duties prepaid, DDP)"}, {"time": "2026-11-12T04:00:00Z", "location": "Amsterdam, NL", "description": "Handed over to PostNL"}, {"time": "2026-11-13T16:00:00Z", "location": "Amsterdam, NL", "description": "Delivered to recipient"}], "delivered_at": "2026-11-13T16:00:00Z", "delivery_proof": {"signature_name": "Chen", "photo": true}, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261112','camille.martin@example.org','FR','shipped','2026-11-12 09:35:00.000000','{"order_no": "PP-261112", "buyer_name": "Camille Martin", "buyer_email": "camille.martin@example.org", "country_code": "FR", "language": "fr", "created_at": "2026-11-12T09:35:00Z", "items": [{"product_id": "PP-156-FHD", "title": "PixelPort 15.6\" FHD IPS Portable Monitor, 1080p 60 Hz, Dual USB-C + Mini-HDMI, Smart Cover", "quantity": 1, "unit_price": "119.00"}, {"product_id": "PP-CBL-C2C-2M-4K", "title": "PixelPort USB-C to USB-C Full-Function Cable 2 m, 10 Gbps, 4K 60 Hz DP Alt Mode, 100 W PD", "quantity": 1, "unit_price": "19.00"}], "shipping_paid": "0.00", "total_paid": "138.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "7315", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "90.12.203.44", "device_id": "dev-27ce", "authorization_code": "FR8L4B"}, "shipping_address": {"name": "Camille Martin", "line1": "18 rue de la R\u00e9publique", "city": "Lyon", "postal_code": "69002", "country_code": "FR"}, "status": "shipped", "carrier": "YunExpress", "tracking_no": "YT2630706315540", "tracking_events": [{"time": "2026-11-13T05:35:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-13T15:35:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-14T13:35:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-17T01:35:00Z", "location": "Paris Charles de Gaulle, FR", "description": "Arrived in destination country"}, {"time": "2026-11-18T05:35:00Z", "location": "Paris Charles de Gaulle, FR", "description": "Customs cleared (duties prepaid, DDP)"}], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261114','diego.hernandez@example.org','MX','shipped','2026-11-14 20:50:00.000000','{"order_no": "PP-261114", "buyer_name": "Diego Hern\u00e1ndez", "buyer_email": "diego.hernandez@example.org", "country_code": "MX", "language": "es", "created_at": "2026-11-14T20:50:00Z", "items": [{"product_id": "PP-156-FHD-240", "title": "PixelPort Arena 15.6\" FHD 240 Hz Gaming Portable Monitor, 1 ms, Adaptive-Sync, Kickstand", "quantity": 1, "unit_price": "229.00"}], "shipping_paid": "0.00", "total_paid": "229.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "3372", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "189.203.71.16", "device_id": "dev-f49a", "authorization_code": "MX6N2E"}, "shipping_address": {"name": "Diego Hern\u00e1ndez", "line1": "Av. Chapultepec Sur 284, Int. 5, Col. Americana", "city": "Guadalajara, Jalisco", "postal_code": "44160", "country_code": "MX"}, "status": "shipped", "carrier": "YunExpress", "tracking_no": "YT2631008847325", "tracking_events": [{"time": "2026-11-15T16:50:00Z", "location": "Shenzhen, CN", "description": "Picked up by carrier at PixelPort warehouse"}, {"time": "2026-11-16T02:50:00Z", "location": "Shenzhen, CN", "description": "Processed at origin sorting center"}, {"time": "2026-11-17T00:50:00Z", "location": "Shenzhen Bao''an Airport, CN", "description": "Departed origin airport"}, {"time": "2026-11-18T14:50:00Z", "location": "Hong Kong, HK", "description": "In transit to destination country"}], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261118','jm.deals2026@example.net','US','processing','2026-11-18 04:12:00.000000','{"order_no": "PP-261118", "buyer_name": "Jason Miller", "buyer_email": "jm.deals2026@example.net", "country_code": "US", "language": "en", "created_at": "2026-11-18T04:12:00Z", "items": [{"product_id": "PP-156-4K-OLED", "title": "PixelPort Lumen 15.6\" 4K OLED Portable Monitor, 3840x2160, 100% DCI-P3, HDR10, Dual USB-C + Mini-HDMI", "quantity": 2, "unit_price": "299.00"}, {"product_id": "PP-TRIO-133", "title": "PixelPort Trio 13.3\" Dual-Screen Laptop Extender (Triple Display), 2x FHD IPS, for 13.3\u201316\" Laptops", "quantity": 1, "unit_price": "329.00"}], "shipping_paid": "0.00", "total_paid": "927.00", "currency": "USD", "payment": {"method": "card", "card_brand": "visa", "card_last4": "0119", "avs_result": "N", "cvv_result": "M", "three_ds": "not_attempted", "ip_address": "45.134.212.88", "device_id": "dev-00a9", "authorization_code": "US9Z0Q"}, "shipping_address": {"name": "Jason Miller", "line1": "7801 NW 37th St, Unit MIA-48213", "city": "Doral, FL", "postal_code": "33195", "country_code": "US"}, "status": "processing", "carrier": null, "tracking_no": null, "tracking_events": [], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
INSERT INTO "orders" VALUES('PP-261119','haruto.sato@example.org','JP','processing','2026-11-19 05:05:00.000000','{"order_no": "PP-261119", "buyer_name": "Haruto Sato", "buyer_email": "haruto.sato@example.org", "country_code": "JP", "language": "ja", "created_at": "2026-11-19T05:05:00Z", "items": [{"product_id": "PP-156-TOUCH", "title": "PixelPort 15.6\" FHD IPS Touchscreen Portable Monitor, 10-Point Touch, Dual USB-C + Mini-HDMI", "quantity": 1, "unit_price": "169.00"}, {"product_id": "PP-ACC-STYLUS", "title": "PixelPort Passive Capacitive Stylus for Touchscreen Monitors, Fine Disc Tip", "quantity": 1, "unit_price": "12.00"}], "shipping_paid": "0.00", "total_paid": "181.00", "currency": "USD", "payment": {"method": "card", "card_brand": "mastercard", "card_last4": "6658", "avs_result": "U", "cvv_result": "M", "three_ds": "authenticated", "ip_address": "153.232.11.74", "device_id": "dev-5e62", "authorization_code": "JP8R3S"}, "shipping_address": {"name": "Haruto Sato", "line1": "2-5-11 Namba-naka, Naniwa-ku, Room 805", "city": "Osaka", "postal_code": "556-0011", "country_code": "JP"}, "status": "processing", "carrier": null, "tracking_no": null, "tracking_events": [], "delivered_at": null, "delivery_proof": null, "accepted_policy_version": "2026-09-01", "financial_status": null, "paid_at": null}');
CREATE TABLE pending_disputes (
	dispute_id VARCHAR(64) NOT NULL, 
	notice JSON NOT NULL, 
	order_refs JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (dispute_id)
);
CREATE TABLE question_check_runs (
	id INTEGER NOT NULL, 
	label VARCHAR(200) NOT NULL, 
	total INTEGER NOT NULL, 
	passed INTEGER NOT NULL, 
	results JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE refund_cases (
	id VARCHAR(32) NOT NULL, 
	order_no VARCHAR(64) NOT NULL, 
	buyer_email VARCHAR(320) NOT NULL, 
	country_code VARCHAR(2) NOT NULL, 
	currency VARCHAR(3) NOT NULL, 
	product_id VARCHAR(64), 
	reason VARCHAR(32) NOT NULL, 
	description TEXT NOT NULL, 
	item_opened BOOLEAN, 
	language VARCHAR(8) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	item_value VARCHAR(32) NOT NULL, 
	total_paid VARCHAR(32) NOT NULL, 
	proposed_outcome VARCHAR(48), 
	proposed_amount VARCHAR(32), 
	suggested_outcome VARCHAR(48), 
	final_outcome VARCHAR(48), 
	final_amount VARCHAR(32), 
	resolved_at DATETIME, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "refund_cases" VALUES('96b9b2ddac1d4a09ba1e7423b2db80fd','PP-261020','mariana.oliveira@example.org','BR','USD',NULL,'damaged','O monitor chegou com a tela rachada.',NULL,'pt','resolved','169.00','187.00','escalate','0.00',NULL,'partial_refund_no_return','40.00','2026-11-16 12:00:00.000000','2026-11-16 12:00:00.000000','2026-12-02 13:54:57.326447');
INSERT INTO "refund_cases" VALUES('f2ae6fd646124cc5af0b9eb0f6630ded','DEMO-ORD-0018','demo-buyer-0018@example.invalid','US','USD','PP-156-4K-OLED','changed_mind','[demo] seeded demo claim',NULL,'en','resolved','598.00','927.00',NULL,NULL,NULL,'return_for_refund','598.00','2026-11-15 20:00:00.000000','2026-11-14 15:00:00.000000','2026-11-14 15:00:00.000000');
INSERT INTO "refund_cases" VALUES('11b295da8eab4ec5a09e32011ec010ae','DEMO-ORD-0053','demo-buyer-0053@example.invalid','NL','USD','PP-TRIO-133','not_as_described','[demo] seeded demo claim',NULL,'en','resolved','329.00','329.00',NULL,NULL,NULL,'partial_refund_no_return','98.70','2026-11-18 01:00:00.000000','2026-11-16 10:00:00.000000','2026-11-16 10:00:00.000000');
INSERT INTO "refund_cases" VALUES('d02e6aabc54c4f58992179b387e18aa6','DEMO-ORD-0011','demo-buyer-0011@example.invalid','DE','USD','PP-156-4K-OLED','changed_mind','[demo] seeded demo claim',NULL,'en','resolved','299.00','299.00',NULL,NULL,NULL,'return_for_refund','299.00','2026-11-18 14:00:00.000000','2026-11-17 15:00:00.000000','2026-11-17 15:00:00.000000');
INSERT INTO "refund_cases" VALUES('ca9c5a783cec45f68316f45b2fd8430d','DEMO-ORD-0008','demo-buyer-0008@example.invalid','IT','USD','PP-140-2K','defective','[demo] seeded demo claim',NULL,'en','resolved','139.00','164.00',NULL,NULL,NULL,'partial_refund_no_return','41.70','2026-11-16 18:00:00.000000','2026-11-15 16:00:00.000000','2026-11-15 16:00:00.000000');
INSERT INTO "refund_cases" VALUES('1b1b6d6cf91b41b181ef99a49e6daf40','DEMO-ORD-0029','demo-buyer-0029@example.invalid','US','USD','PP-156-FHD-240','not_as_described','[demo] seeded demo claim',NULL,'en','resolved','229.00','264.00',NULL,NULL,NULL,'partial_refund_no_return','68.70','2026-11-15 22:00:00.000000','2026-11-15 06:00:00.000000','2026-11-15 06:00:00.000000');
INSERT INTO "refund_cases" VALUES('e031777aa92e4f1c8214cc34ddb50b7a','DEMO-ORD-0031','demo-buyer-0031@example.invalid','BR','USD','PP-156-TOUCH','missing_parts','[demo] seeded demo claim',NULL,'en','resolved','169.00','187.00',NULL,NULL,NULL,'partial_refund_no_return','50.70','2026-11-17 18:00:00.000000','2026-11-17 11:00:00.000000','2026-11-17 11:00:00.000000');
INSERT INTO "refund_cases" VALUES('609b066d77ac4255b494e95c28049388','DEMO-ORD-0057','demo-buyer-0057@example.invalid','JP','USD','PP-156-TOUCH','defective','[demo] seeded demo claim',NULL,'en','resolved','169.00','181.00',NULL,NULL,NULL,'full_refund_no_return','169.00','2026-11-17 17:00:00.000000','2026-11-16 10:00:00.000000','2026-11-16 10:00:00.000000');
INSERT INTO "refund_cases" VALUES('79a56221701149c7a4199b60798fca9c','DEMO-ORD-0014','demo-buyer-0014@example.invalid','ES','USD','PP-133-FHD','missing_parts','[demo] seeded demo claim',NULL,'en','resolved','99.00','121.00',NULL,NULL,NULL,'partial_refund_no_return','29.70','2026-11-17 18:00:00.000000','2026-11-16 07:00:00.000000','2026-11-16 07:00:00.000000');
INSERT INTO "refund_cases" VALUES('e64582b96f754e12b6d7c7b7bf22aa65','DEMO-ORD-0027','demo-buyer-0027@example.invalid','IT','USD','PP-140-2K','not_as_described','[demo] seeded demo claim',NULL,'en','resolved','139.00','164.00',NULL,NULL,NULL,'full_refund_no_return','139.00','2026-11-19 06:00:00.000000','2026-11-18 07:00:00.000000','2026-11-18 07:00:00.000000');
INSERT INTO "refund_cases" VALUES('bba07f667a7c46e59a4ad67b2cc0a970','DEMO-ORD-0025','demo-buyer-0025@example.invalid','SA','USD','PP-156-FHD','damaged','[demo] seeded demo claim',NULL,'en','resolved','119.00','164.00',NULL,NULL,NULL,'full_refund_no_return','119.00','2026-11-18 03:00:00.000000','2026-11-17 00:00:00.000000','2026-11-17 00:00:00.000000');
CREATE TABLE refund_evidence (
	id INTEGER NOT NULL, 
	case_id VARCHAR(32) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	mime VARCHAR(64) NOT NULL, 
	original_name VARCHAR(255) NOT NULL, 
	ahash VARCHAR(16), 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES refund_cases (id) ON DELETE CASCADE, 
	FOREIGN KEY(sha256) REFERENCES stored_files (sha256)
);
INSERT INTO "refund_evidence" VALUES(1,'96b9b2ddac1d4a09ba1e7423b2db80fd','53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a','image','image/png','crack.png','0000000000000000','2026-12-02 13:54:57.026416');
CREATE TABLE refund_findings (
	id INTEGER NOT NULL, 
	case_id VARCHAR(32) NOT NULL, 
	status VARCHAR(24) NOT NULL, 
	model VARCHAR(128), 
	prompt_version VARCHAR(32), 
	attempts INTEGER NOT NULL, 
	finding JSON NOT NULL, 
	raw JSON NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES refund_cases (id) ON DELETE CASCADE
);
INSERT INTO "refund_findings" VALUES(1,'96b9b2ddac1d4a09ba1e7423b2db80fd','unanalysed',NULL,NULL,0,'{"status": "unanalysed", "issue_visible": "unclear", "damage_type": null, "damage_cause": "unknown", "severity": "none", "product_matches": "unclear", "packaging_damage": "unclear", "text_read": [], "order_no_match": "not_visible", "tracking_no_match": "not_visible", "reused_photo": false, "reused_detail": null, "summary": "", "note": "Unanalysed \u2014 vision model not configured \u2014 manual review.", "model": null, "prompt_version": null}','[]','2026-12-02 13:54:57.136518');
CREATE TABLE refund_negotiation_steps (
	id INTEGER NOT NULL, 
	case_id VARCHAR(32) NOT NULL, 
	step VARCHAR(32) NOT NULL, 
	actor VARCHAR(64) NOT NULL, 
	outcome VARCHAR(48), 
	amount VARCHAR(32), 
	currency VARCHAR(3), 
	language VARCHAR(8) NOT NULL, 
	text TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES refund_cases (id) ON DELETE CASCADE
);
INSERT INTO "refund_negotiation_steps" VALUES(1,'96b9b2ddac1d4a09ba1e7423b2db80fd','review','policy-engine','escalate','0.00','USD','pt','Obrigado. Nossa equipe está analisando sua solicitação e responderá em breve.','2026-12-02 13:54:57.275643');
INSERT INTO "refund_negotiation_steps" VALUES(2,'96b9b2ddac1d4a09ba1e7423b2db80fd','merchant_edit','merchant','partial_refund_no_return','40.00','USD','pt','Obrigado, está combinado: 40,00 USD serão reembolsados no seu meio de pagamento original em até 5 dias úteis.','2026-12-02 13:54:57.352544');
CREATE TABLE refund_receipts (
	id INTEGER NOT NULL, 
	case_id VARCHAR(32) NOT NULL, 
	order_no VARCHAR(64) NOT NULL, 
	decision_id INTEGER NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	text TEXT NOT NULL, 
	text_en TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(case_id) REFERENCES refund_cases (id)
);
INSERT INTO "refund_receipts" VALUES(1,'96b9b2ddac1d4a09ba1e7423b2db80fd','PP-261020',2,'pt','Comprovante de decisão — Reclamação 96b9b2ddac1d4a09ba1e7423b2db80fd · Pedido PP-261020
Decisão: reembolso parcial, sem devolução
Valor: US$ 40,00
Motivo: item chegou danificado; decidido pela nossa equipe conforme a nossa política de reembolso
Data da decisão: 2026-12-02','Decision receipt — Claim 96b9b2ddac1d4a09ba1e7423b2db80fd · Order PP-261020
Decision: partial refund, keep the item
Amount: $40.00
Why: item arrived damaged; decided by our team under our refund policy
Decided on: 2026-12-02
Rules applied: Decided by merchant.','2026-12-02 13:54:58.071019');
CREATE TABLE store_answers (
	id INTEGER NOT NULL, 
	question TEXT NOT NULL, 
	answer TEXT NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	created_by VARCHAR(64) NOT NULL, 
	from_message_id INTEGER, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "store_answers" VALUES(1,'Do you ship to Iceland?','Yes, in 6-9 business days.','en','merchant',NULL,'2026-12-02 13:54:58.741546','2026-12-02 13:54:58.741560');
CREATE TABLE stored_files (
	sha256 VARCHAR(64) NOT NULL, 
	mime VARCHAR(64) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	size_bytes INTEGER NOT NULL, 
	relative_path VARCHAR(512) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (sha256)
);
INSERT INTO "stored_files" VALUES('53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a','image/png','image',137,'53/53faefe47206ec26eefe75af30c3910c5fbd628649f2a64b092ff472d8eca38a.png','2026-12-02 13:54:56.987954');
CREATE INDEX ix_chargeback_cases_status ON chargeback_cases (status);
CREATE INDEX ix_chargeback_cases_reason_code ON chargeback_cases (reason_code);
CREATE INDEX ix_chargeback_cases_order_no ON chargeback_cases (order_no);
CREATE INDEX ix_orders_buyer_email ON orders (buyer_email);
CREATE INDEX ix_conversations_session_token ON conversations (session_token);
CREATE INDEX ix_conversations_status ON conversations (status);
CREATE INDEX ix_decisions_case_kind ON decisions (case_kind);
CREATE INDEX ix_decisions_case_id ON decisions (case_id);
CREATE INDEX ix_audit_events_case_kind ON audit_events (case_kind);
CREATE INDEX ix_audit_events_case_id ON audit_events (case_id);
CREATE UNIQUE INDEX ix_api_keys_key_sha256 ON api_keys (key_sha256);
CREATE INDEX ix_listing_versions_status ON listing_versions (status);
CREATE INDEX ix_listing_versions_language ON listing_versions (language);
CREATE INDEX ix_listing_versions_source_hash ON listing_versions (source_hash);
CREATE INDEX ix_listing_versions_product_id ON listing_versions (product_id);
CREATE INDEX ix_refund_cases_reason ON refund_cases (reason);
CREATE INDEX ix_refund_cases_order_no ON refund_cases (order_no);
CREATE INDEX ix_refund_cases_created_at ON refund_cases (created_at);
CREATE INDEX ix_refund_cases_buyer_email ON refund_cases (buyer_email);
CREATE INDEX ix_refund_cases_country_code ON refund_cases (country_code);
CREATE INDEX ix_refund_cases_status ON refund_cases (status);
CREATE INDEX ix_chargeback_exhibits_case_id ON chargeback_exhibits (case_id);
CREATE INDEX ix_messages_conversation_id ON messages (conversation_id);
CREATE INDEX ix_refund_evidence_sha256 ON refund_evidence (sha256);
CREATE INDEX ix_refund_evidence_case_id ON refund_evidence (case_id);
CREATE INDEX ix_refund_evidence_ahash ON refund_evidence (ahash);
CREATE INDEX ix_refund_findings_case_id ON refund_findings (case_id);
CREATE INDEX ix_refund_negotiation_steps_case_id ON refund_negotiation_steps (case_id);
CREATE INDEX ix_refund_receipts_case_id ON refund_receipts (case_id);
CREATE INDEX ix_refund_receipts_order_no ON refund_receipts (order_no);
COMMIT;
