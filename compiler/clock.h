/*
 * clock.h — stopwatch laps on the monotonic clock, for the stage
 * timings a build reports (--verbose).
 */
#ifndef CLOCK_H
#define CLOCK_H

#include <time.h>

/* Seconds on clock id since the previous call with the same *mark;
 * resets it. */
static inline double
clock_lap_on(clockid_t id, struct timespec *mark)
{
	struct timespec now;
	double s;

	clock_gettime(id, &now);
	s = (double)(now.tv_sec - mark->tv_sec) +
	    (double)(now.tv_nsec - mark->tv_nsec) / 1e9;
	*mark = now;
	return s;
}

/* Wall-clock seconds since the previous call with the same *mark. */
static inline double
clock_lap(struct timespec *mark)
{
	return clock_lap_on(CLOCK_MONOTONIC, mark);
}

/* CPU seconds of this thread since the previous call with *mark. */
static inline double
clock_lap_cpu(struct timespec *mark)
{
	return clock_lap_on(CLOCK_THREAD_CPUTIME_ID, mark);
}

#endif
