#include "batch/cluster.hpp"

#include "batch/process.hpp"
#include "core/error.hpp"

#include <filesystem>
#include <fstream>

namespace gp::batch
{

namespace
{

namespace fs = std::filesystem;

// POSIX shell single quotes: nothing inside is expanded; a quote is closed, escaped, reopened.
std::string shellQuote(const std::string& s)
{
    std::string out = "'";
    for (char ch : s)
        out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

std::string batchCommand(const ClusterPlan& plan)
{
    std::string cmd = shellQuote(plan.executable) + " batch " + shellQuote(plan.manifest) +
                      " --summary " + shellQuote(plan.summary_dir);
    if (!plan.pg_out.empty())
        cmd += " --out " + shellQuote(plan.pg_out);
    return cmd;
}

void writeFile(const fs::path& path, const std::string& text, bool executable)
{
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out)
        throw OutputError("cannot write '" + path.string() + "'");
    out.close();
    if (executable)
        fs::permissions(path,
                        fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add, ec);
}

// `sbatch --parsable ...`: the job id (the part before ";cluster"), ClusterError otherwise.
std::string sbatch(std::vector<std::string> args)
{
    args.insert(args.begin(), {"sbatch", "--parsable"});
    std::string output;
    const int code = runProcess(args, "", "", &output);
    if (code == kNotStarted)
        throw ClusterError("cannot run sbatch (is Slurm installed on this node?)");
    while (!output.empty() && (output.back() == '\n' || output.back() == ' '))
        output.pop_back();
    const std::string id = output.substr(0, output.find(';'));
    if (code != 0 || id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
        throw ClusterError("sbatch failed (exit " + std::to_string(code) + "): " + output);
    return id;
}

} // namespace

std::string shardCommand(const ClusterPlan& plan, const std::string& shard_expression)
{
    std::string cmd = batchCommand(plan) + " --shard \"" + shard_expression + "/" +
                      std::to_string(plan.shards) + "\"";
    if (plan.jobs > 0)
        cmd += " -j " + std::to_string(plan.jobs);
    if (plan.only_failed)
        cmd += " --only-failed";
    if (plan.force)
        cmd += " --force";
    return cmd + " -q";
}

SlurmSubmission submitSlurm(const ClusterPlan& plan)
{
    SlurmSubmission s;
    const fs::path dir = fs::path(plan.summary_dir) / "slurm";
    s.shard_script = (dir / "shards.sh").string();
    s.collect_script = (dir / "collect.sh").string();
    // A street that fails makes its task exit 1; the collect job still runs (afterany) and
    // summary.* report it. #SBATCH lines hold only what is the same on every cluster.
    writeFile(s.shard_script,
              "#!/bin/sh\n# gridplan batch: one shard of the manifest per array task (written by "
              "gridplan batch --slurm)\n"
              "#SBATCH --job-name=gridplan-shards\n#SBATCH --output=" +
                  (dir / "shard-%a.out").string() +
                  "\n"
                  "exec " +
                  shardCommand(plan, "$SLURM_ARRAY_TASK_ID") + "\n",
              true);
    writeFile(s.collect_script,
              "#!/bin/sh\n# gridplan batch: summary.csv / summary.json of every street (written by "
              "gridplan batch --slurm)\n"
              "#SBATCH --job-name=gridplan-collect\n#SBATCH --output=" +
                  (dir / "collect.out").string() +
                  "\n"
                  "exec " +
                  batchCommand(plan) + " --collect -q\n",
              true);
    std::vector<std::string> array = {"--array=0-" + std::to_string(plan.shards - 1), "--requeue"};
    array.insert(array.end(), plan.slurm_options.begin(), plan.slurm_options.end());
    array.push_back(s.shard_script);
    s.array_job = sbatch(array);
    std::vector<std::string> collect = {"--dependency=afterany:" + s.array_job};
    collect.insert(collect.end(), plan.slurm_options.begin(), plan.slurm_options.end());
    collect.push_back(s.collect_script);
    try
    {
        s.collect_job = sbatch(collect);
    }
    catch (const ClusterError& e)
    {
        // No array job without its collect job: the user submits both again.
        std::string ignored;
        runProcess({"scancel", s.array_job}, "", "", &ignored);
        throw ClusterError(std::string(e.what()) + " (collect job; array job " + s.array_job +
                           " cancelled)");
    }
    return s;
}

std::string writeK8sJob(const ClusterPlan& plan)
{
    const std::string n = std::to_string(plan.shards);
    std::string command = shardCommand(plan, "$JOB_COMPLETION_INDEX");
    std::string escaped; // inside a YAML double-quoted scalar
    for (char ch : command)
        escaped += ch == '"' || ch == '\\' ? std::string("\\") + ch : std::string(1, ch);
    const std::string yaml =
        "# gridplan batch as a Kubernetes Indexed Job: pod K runs shard K of " + n +
        ".\n"
        "# Replace the image and the volume with your own; the volume must hold the manifest, the\n"
        "# inputs and the summary folder at the paths below. When every pod has ended, run\n"
        "#   gridplan batch " +
        plan.manifest + " --summary " + plan.summary_dir +
        " --collect\n"
        "apiVersion: batch/v1\n"
        "kind: Job\n"
        "metadata:\n  name: gridplan-batch\n"
        "spec:\n"
        "  completionMode: Indexed\n"
        "  completions: " +
        n +
        "\n"
        "  parallelism: " +
        n +
        "\n"
        "  backoffLimit: " +
        std::to_string(plan.shards * 2) +
        "\n"
        "  template:\n"
        "    spec:\n"
        "      restartPolicy: Never\n"
        "      containers:\n"
        "        - name: gridplan\n"
        "          image: your-registry/gridplan:latest\n"
        "          command: [\"/bin/sh\", \"-c\", \"exec " +
        escaped +
        "\"]\n"
        "          volumeMounts:\n"
        "            - name: data\n"
        "              mountPath: " +
        fs::path(plan.manifest).parent_path().string() +
        "\n"
        "      volumes:\n"
        "        - name: data\n"
        "          persistentVolumeClaim:\n"
        "            claimName: gridplan-data\n";
    const fs::path path = fs::path(plan.summary_dir) / "gridplan-batch-k8s.yaml";
    writeFile(path, yaml, false);
    return path.string();
}

} // namespace gp::batch
