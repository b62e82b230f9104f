-- Copies the matching answers of existing applications into the new columns (new saves keep them in step).
UPDATE volunteers SET
  interests = coalesce(array(SELECT jsonb_array_elements_text(answers -> 'interests' -> 'interests')), '{}'),
  languages = coalesce(array(SELECT jsonb_array_elements_text(answers -> 'interests' -> 'languages')), '{}'),
  availability = coalesce(array(SELECT jsonb_array_elements_text(answers -> 'availability' -> 'slots')), '{}'),
  age_min = (answers -> 'preferences' ->> 'ageMin')::smallint,
  age_max = (answers -> 'preferences' ->> 'ageMax')::smallint,
  youth_gender_preference = coalesce((answers -> 'preferences' ->> 'genderPreference')::gender_preference, 'any')
WHERE answers <> '{}'::jsonb;
