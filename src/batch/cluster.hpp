// Running a manifest's shards on a cluster's own workload manager (the tool schedules nothing
// itself): a Slurm array job with a dependent collect job, or a Kubernetes Indexed Job. Every
// task runs `gridplan batch MANIFEST --shard K/N`, the same command one can run by hand.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace gp::batch
{

struct ClusterPlan
{
    std::string executable; // absolute path of gridplan, as the nodes see it (a shared file system)
    std::string manifest;   // absolute
    std::string summary_dir; // absolute: results/, logs/, summary.*, slurm/ (shared by the tasks)
    std::string pg_out;      // "PG:..." when the streets write to PostGIS
    int shards = 1;
    int jobs = 0; // streets at once per task (0: the task's cores)
    bool only_failed = false;
    bool force = false;
    std::vector<std::string> slurm_options; // extra sbatch options, e.g. --partition=x
};

// sbatch could not be run or refused a job; the message holds its output.
struct ClusterError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// The shell command of one shard task; shard_expression is K or a shell expression for it
// (e.g. "$SLURM_ARRAY_TASK_ID").
std::string shardCommand(const ClusterPlan& plan, const std::string& shard_expression);

struct SlurmSubmission
{
    std::string array_job;   // the array job's id
    std::string collect_job; // the collect job's id (afterany:array_job)
    std::string shard_script, collect_script;
};

// Writes summary_dir/slurm/{shards,collect}.sh and submits them: one array job
// (`sbatch --array=0-(N-1) --requeue`) and a collect job that runs after every task has ended,
// whatever its state (`--dependency=afterany:ID`). ClusterError when sbatch fails.
SlurmSubmission submitSlurm(const ClusterPlan& plan);

// Writes summary_dir/gridplan-batch-k8s.yaml: an Indexed Job (completionMode: Indexed, one
// completion per shard, JOB_COMPLETION_INDEX -> --shard); returns its path. Image and volume are
// placeholders for the user's own.
std::string writeK8sJob(const ClusterPlan& plan);

} // namespace gp::batch
