"""Search of services by name, vendor, items and the rest, on PostgreSQL only
(``catalogue/search.py`` says what a search matches; SQLite computes it at
query time).

``search_document`` stops being a generated column: it now holds the
service's name (weight A), its vendor's business name (B), the names and
descriptions of its available items (C) and its description, category and
location (D), folded by ``catalogue_fold`` (``unaccent`` is only STABLE, so
it is wrapped in an IMMUTABLE function with its dictionary named). Triggers
keep it current whoever writes: a service row computes its own before it is
written; item and profile changes that alter what is searched null the
document of the services concerned, which recomputes it. The same trigger
adds each document's words to ``catalogue_search_word``, the vocabulary the
typo rule searches with a trigram index (never pruned: a stale word only
yields a candidate that matches nothing).
"""

from django.db import migrations

FORWARD = r"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE OR REPLACE FUNCTION catalogue_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(unaccent('unaccent'::regdictionary, $1)) $$;

CREATE TABLE catalogue_search_word (word text PRIMARY KEY);
CREATE INDEX catalogue_search_word_trgm ON catalogue_search_word USING gin (word gin_trgm_ops);

DROP INDEX IF EXISTS service_search_document_gin;
ALTER TABLE catalogue_service DROP COLUMN IF EXISTS search_document;
ALTER TABLE catalogue_service ADD COLUMN search_document tsvector;

CREATE OR REPLACE FUNCTION catalogue_service_search_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('simple', catalogue_fold(COALESCE(NEW.service_name, ''))), 'A')
        || setweight(to_tsvector('simple', catalogue_fold(COALESCE(
            (SELECT p.business_name FROM catalogue_vendorprofile p
             WHERE p.user_id = NEW.vendor_id), ''))), 'B')
        || setweight(to_tsvector('simple', catalogue_fold(COALESCE(
            (SELECT string_agg(i.name || ' ' || i.description, ' ')
             FROM catalogue_serviceitem i
             WHERE i.service_id = NEW.id AND i.is_active AND i.is_available), ''))), 'C')
        || setweight(to_tsvector('simple', catalogue_fold(
            COALESCE(NEW.description, '') || ' ' || COALESCE(NEW.category, '') || ' '
            || COALESCE(NEW.location, ''))), 'D');
    -- New words only, in order: racing writers wait on each other, never deadlock.
    INSERT INTO catalogue_search_word (word)
        SELECT lexeme FROM unnest(NEW.search_document) AS d
        WHERE NOT EXISTS (SELECT 1 FROM catalogue_search_word w WHERE w.word = d.lexeme)
        ORDER BY lexeme
        ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER catalogue_service_search
    BEFORE INSERT OR UPDATE OF service_name, description, category, location, vendor_id,
        search_document
    ON catalogue_service FOR EACH ROW EXECUTE FUNCTION catalogue_service_search_document();

CREATE OR REPLACE FUNCTION catalogue_items_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE catalogue_service SET search_document = NULL
        WHERE id IN (SELECT service_id FROM new_items WHERE is_active AND is_available);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE catalogue_service SET search_document = NULL
        WHERE id IN (SELECT service_id FROM old_items WHERE is_active AND is_available);
    ELSE
        UPDATE catalogue_service SET search_document = NULL WHERE id IN (
            SELECT o.service_id FROM old_items o JOIN new_items n ON n.id = o.id
            WHERE (o.name, o.description, o.is_active, o.is_available, o.service_id)
                IS DISTINCT FROM (n.name, n.description, n.is_active, n.is_available, n.service_id)
            UNION
            SELECT n.service_id FROM old_items o JOIN new_items n ON n.id = o.id
            WHERE o.service_id <> n.service_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER catalogue_items_inserted AFTER INSERT ON catalogue_serviceitem
    REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_items_changed();
CREATE TRIGGER catalogue_items_deleted AFTER DELETE ON catalogue_serviceitem
    REFERENCING OLD TABLE AS old_items
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_items_changed();
CREATE TRIGGER catalogue_items_updated AFTER UPDATE ON catalogue_serviceitem
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_items_changed();

CREATE OR REPLACE FUNCTION catalogue_profile_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE catalogue_service SET search_document = NULL WHERE vendor_id = OLD.user_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE catalogue_service SET search_document = NULL WHERE vendor_id = NEW.user_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER catalogue_profile_inserted_or_deleted
    AFTER INSERT OR DELETE ON catalogue_vendorprofile
    FOR EACH ROW EXECUTE FUNCTION catalogue_profile_changed();
CREATE TRIGGER catalogue_profile_renamed
    AFTER UPDATE OF business_name, user_id ON catalogue_vendorprofile
    FOR EACH ROW WHEN (OLD.business_name IS DISTINCT FROM NEW.business_name
        OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION catalogue_profile_changed();

UPDATE catalogue_service SET search_document = NULL;
CREATE INDEX service_search_document_gin ON catalogue_service USING gin (search_document);
"""

BACKWARD = """
DROP TRIGGER IF EXISTS catalogue_profile_renamed ON catalogue_vendorprofile;
DROP TRIGGER IF EXISTS catalogue_profile_inserted_or_deleted ON catalogue_vendorprofile;
DROP TRIGGER IF EXISTS catalogue_items_updated ON catalogue_serviceitem;
DROP TRIGGER IF EXISTS catalogue_items_deleted ON catalogue_serviceitem;
DROP TRIGGER IF EXISTS catalogue_items_inserted ON catalogue_serviceitem;
DROP TRIGGER IF EXISTS catalogue_service_search ON catalogue_service;
DROP FUNCTION IF EXISTS catalogue_profile_changed();
DROP FUNCTION IF EXISTS catalogue_items_changed();
DROP FUNCTION IF EXISTS catalogue_service_search_document();
DROP INDEX IF EXISTS service_search_document_gin;
ALTER TABLE catalogue_service DROP COLUMN IF EXISTS search_document;
DROP TABLE IF EXISTS catalogue_search_word;
DROP FUNCTION IF EXISTS catalogue_fold(text);
ALTER TABLE catalogue_service ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig,
            COALESCE(service_name, '') || ' ' || COALESCE(description, '') || ' '
            || COALESCE(location, ''))
    ) STORED;
CREATE INDEX service_search_document_gin ON catalogue_service USING gin (search_document);
"""


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_service_schedule_settings")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD))]
