package io.progressledger.query.course;

import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.trail.CompletionFilter;
import io.progressledger.query.trail.CompletionLists;
import io.progressledger.query.trail.TrailCompletion;
import org.springframework.stereotype.Service;

/** Reads of the course views (plain services, for the reason given on TrailCompletionQueries). */
@Service
public class CourseQueries {

    private final Courses view;

    public CourseQueries(Courses view) {
        this.view = view;
    }

    /** Every course seen, by course id. */
    public Page<CourseSummary> courses(PageRequest<Courses.Position> page) {
        return Page.of(view.after(page.after(), page.limit() + 1), page, Courses.Position::of);
    }

    public CourseSummary course(long courseId) {
        return view.find(courseId).orElseThrow(() -> new NotFound("no completion includes course " + courseId));
    }

    /** The completions that include a course. */
    public Page<TrailCompletion> completions(long courseId, CompletionFilter filter,
                                             PageRequest<CompletionLists.Position> page) {
        if (filter.institutions() == null) {
            course(courseId);
        } else if (!view.includedWithin(courseId, filter.institutions())) {
            throw new NotFound("no completion includes course " + courseId);
        }
        return view.completions(courseId, filter, page);
    }
}
