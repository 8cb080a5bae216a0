namespace Aggregator.Storage.Postgres;

/// <summary>
/// The tables Quartz.NET 3.x's AdoJobStore (PostgreSQL delegate, table prefix qrtz_) reads and writes,
/// written from its documented schema. Quartz's SQL is unquoted, so its QRTZ_ names fold to these.
/// qrtz_locks holds the rows a clustered scheduler locks (SELECT ... FOR UPDATE) to decide which node
/// fires a trigger; qrtz_scheduler_state holds each node's check-in, from which a dead node's jobs are
/// recovered by the others.
/// </summary>
internal static class QuartzSchema
{
    public const string Sql = """
        CREATE TABLE qrtz_job_details (
            sched_name text NOT NULL,
            job_name text NOT NULL,
            job_group text NOT NULL,
            description text,
            job_class_name text NOT NULL,
            is_durable boolean NOT NULL,
            is_nonconcurrent boolean NOT NULL,
            is_update_data boolean NOT NULL,
            requests_recovery boolean NOT NULL,
            job_data bytea,
            PRIMARY KEY (sched_name, job_name, job_group)
        );

        CREATE TABLE qrtz_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            job_name text NOT NULL,
            job_group text NOT NULL,
            description text,
            next_fire_time bigint,
            prev_fire_time bigint,
            priority integer,
            trigger_state text NOT NULL,
            trigger_type text NOT NULL,
            start_time bigint NOT NULL,
            end_time bigint,
            calendar_name text,
            misfire_instr smallint,
            job_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
        );

        CREATE TABLE qrtz_simple_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            repeat_count bigint NOT NULL,
            repeat_interval bigint NOT NULL,
            times_triggered bigint NOT NULL,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_simprop_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            str_prop_1 text,
            str_prop_2 text,
            str_prop_3 text,
            int_prop_1 integer,
            int_prop_2 integer,
            long_prop_1 bigint,
            long_prop_2 bigint,
            dec_prop_1 numeric,
            dec_prop_2 numeric,
            bool_prop_1 boolean,
            bool_prop_2 boolean,
            time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_cron_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            cron_expression text NOT NULL,
            time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_blob_triggers (
            sched_name text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            blob_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
        );

        CREATE TABLE qrtz_calendars (
            sched_name text NOT NULL,
            calendar_name text NOT NULL,
            calendar bytea NOT NULL,
            PRIMARY KEY (sched_name, calendar_name)
        );

        CREATE TABLE qrtz_paused_trigger_grps (
            sched_name text NOT NULL,
            trigger_group text NOT NULL,
            PRIMARY KEY (sched_name, trigger_group)
        );

        CREATE TABLE qrtz_fired_triggers (
            sched_name text NOT NULL,
            entry_id text NOT NULL,
            trigger_name text NOT NULL,
            trigger_group text NOT NULL,
            instance_name text NOT NULL,
            fired_time bigint NOT NULL,
            sched_time bigint NOT NULL,
            priority integer NOT NULL,
            state text NOT NULL,
            job_name text,
            job_group text,
            is_nonconcurrent boolean,
            requests_recovery boolean,
            PRIMARY KEY (sched_name, entry_id)
        );

        CREATE TABLE qrtz_scheduler_state (
            sched_name text NOT NULL,
            instance_name text NOT NULL,
            last_checkin_time bigint NOT NULL,
            checkin_interval bigint NOT NULL,
            PRIMARY KEY (sched_name, instance_name)
        );

        CREATE TABLE qrtz_locks (
            sched_name text NOT NULL,
            lock_name text NOT NULL,
            PRIMARY KEY (sched_name, lock_name)
        );

        -- The scans the job store runs on every acquisition, misfire check and recovery.
        CREATE INDEX idx_qrtz_j_req_recovery ON qrtz_job_details (requests_recovery);
        CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (next_fire_time);
        CREATE INDEX idx_qrtz_t_state ON qrtz_triggers (trigger_state);
        CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (next_fire_time, trigger_state);
        CREATE INDEX idx_qrtz_t_job ON qrtz_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_qrtz_ft_trig_name ON qrtz_fired_triggers (trigger_name);
        CREATE INDEX idx_qrtz_ft_trig_group ON qrtz_fired_triggers (trigger_group);
        CREATE INDEX idx_qrtz_ft_trig_nm_gp ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (instance_name);
        CREATE INDEX idx_qrtz_ft_job_name ON qrtz_fired_triggers (job_name);
        CREATE INDEX idx_qrtz_ft_job_group ON qrtz_fired_triggers (job_group);
        CREATE INDEX idx_qrtz_ft_job_req_recovery ON qrtz_fired_triggers (requests_recovery);
        """;
}
