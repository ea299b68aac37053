import { z } from "zod";
import { common, errors, type FeatureApi, instant, json, pathParameter, ref } from "../http/openapi-kit.ts";
import { saveFilterSchema } from "./routes.ts";

const SavedFilter = z.strictObject({ id: z.string(), name: z.string(), query: z.string(), createdAt: instant });

/** The caller's saved filters of the proposals list. */
export const savedFiltersApi: FeatureApi = {
  tags: [{ name: "saved-filters", description: "Saved filters of the proposals list, each person's (or key's) own." }],
  requests: { SaveFilter: saveFilterSchema },
  responses: { SavedFilter, SavedFilterList: z.strictObject({ items: z.array(SavedFilter) }) },
  paths: {
    "/v1/saved-filters": {
      get: {
        operationId: "listSavedFilters",
        tags: ["saved-filters"],
        summary: "The caller's saved filters, by name.",
        responses: {
          "200": { description: "The filters.", ...json(ref("SavedFilterList")) },
          ...errors(...common),
        },
      },
      post: {
        operationId: "saveFilter",
        tags: ["saved-filters"],
        summary:
          "Save a filter under a name: the query string of GET /v1/proposals without cursor and limit. A known name's query is replaced (200).",
        requestBody: { required: true, ...json(ref("SaveFilter")) },
        responses: {
          "201": { description: "Saved as a new filter.", ...json(ref("SavedFilter")) },
          "200": { description: "The filter of that name, replaced.", ...json(ref("SavedFilter")) },
          ...errors(...common, 422, "SAVED_FILTERS_FULL"),
        },
      },
    },
    "/v1/saved-filters/{id}": {
      delete: {
        operationId: "deleteSavedFilter",
        tags: ["saved-filters"],
        summary: "Delete one of the caller's saved filters.",
        parameters: [pathParameter("id")],
        responses: { "204": { description: "Deleted." }, ...errors(...common, 404) },
      },
    },
  },
};
