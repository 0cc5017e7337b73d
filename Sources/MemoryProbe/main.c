// memory-probe REPORT COMMAND [ARG...]
// Runs COMMAND and writes its peak resident memory, in KiB, to the file REPORT.
// A child inherits its parent's memory high-water mark until it execs, so a large test or benchmark
// process cannot measure a small program's peak directly; this probe is small, so the child it
// starts begins from the probe's own footprint (about a megabyte), not the caller's.
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: memory-probe REPORT COMMAND [ARG...]\n");
        return 64;
    }
    pid_t pid = fork();
    if (pid < 0) { perror("memory-probe: fork"); return 71; }
    if (pid == 0) {
        execv(argv[2], argv + 2);
        perror("memory-probe: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {}
    FILE *report = fopen(argv[1], "w");
    if (report) {
        fprintf(report, "%ld\n", usage.ru_maxrss);
        fclose(report);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
