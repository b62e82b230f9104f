-- Default vetting policy for every mentor kind (all five steps, two references, attest renewed every 24 months) and the four-eyes setting.
INSERT INTO vetting_policies (kind, required_steps, references_required, attest_renewal_months)
SELECT kind, ARRAY['interview', 'references', 'criminal_record', 'code_of_conduct', 'training']::vetting_step[], 2, 24
FROM unnest(enum_range(NULL::mentor_kind)) AS kind
ON CONFLICT (kind) DO NOTHING;
--> statement-breakpoint
INSERT INTO app_settings (key, value) VALUES ('four_eyes_approval', 'true'::jsonb) ON CONFLICT (key) DO NOTHING;
